package org.learninglog.command.web;

import org.springframework.validation.FieldError;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bean validation's refusals in plain English with what would be accepted: the size limit of a
 * text or list, the shape of an identifier, the values of a required enum.
 */
final class ConstraintMessages {

    private ConstraintMessages() {
    }

    static String of(FieldError error, Class<?> target) {
        Object value = error.getRejectedValue();
        String code = String.valueOf(error.getCode());
        return switch (code) {
            case "NotNull", "NotBlank", "NotEmpty" -> {
                if (value == null) {
                    Class<?> type = Accepted.itemType(declared(target, error.getField()));
                    yield type != null && type.isEnum() ? "is required: one of " + Accepted.values(type) : "is required";
                }
                yield value instanceof Collection<?> ? "must hold at least one item" : "must not be blank";
            }
            case "Size" -> size(value, integers(error.getArguments()));
            case "Pattern" -> error.getDefaultMessage() != null && error.getDefaultMessage().startsWith("must match")
                    ? Accepted.IDENTIFIER : error.getDefaultMessage();
            default -> error.getDefaultMessage();
        };
    }

    /** {@code @Size}'s arguments come as max, then min (Spring sorts them by name). */
    private static String size(Object value, List<Integer> maxMin) {
        int max = maxMin.isEmpty() ? Integer.MAX_VALUE : maxMin.get(0);
        int min = maxMin.size() < 2 ? 0 : maxMin.get(1);
        if (value instanceof CharSequence text) {
            return text.length() > max ? "is too long: at most " + max + " characters (it has " + text.length() + ")"
                    : "is too short: at least " + min + " characters";
        }
        if (value instanceof Collection<?> items) {
            return items.size() > max ? "holds too many items: at most " + max + " (it has " + items.size() + ")"
                    : "must hold at least " + min + (min == 1 ? " item" : " items");
        }
        return "must be between " + min + " and " + max + " in size";
    }

    private static List<Integer> integers(Object[] arguments) {
        List<Integer> found = new ArrayList<>();
        if (arguments != null) {
            for (Object argument : arguments) {
                if (argument instanceof Integer number) {
                    found.add(number);
                }
            }
        }
        return found;
    }

    /** The declared field at a binding path such as {@code evidence.personId} or {@code principles[2]}. */
    private static Field declared(Class<?> target, String path) {
        Class<?> owner = target;
        Field field = null;
        for (String step : path.split("\\.")) {
            String name = step.contains("[") ? step.substring(0, step.indexOf('[')) : step;
            field = owner == null ? null : Accepted.field(owner, name);
            owner = Accepted.itemType(field);
        }
        return field;
    }
}
