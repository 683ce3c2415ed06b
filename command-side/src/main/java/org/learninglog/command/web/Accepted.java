package org.learninglog.command.web;

import jakarta.validation.constraints.Size;
import org.learninglog.command.Identifiers;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What a field accepts, in plain English, for the messages of a 400: an enum's values, a date's
 * format, a text's size limit. Read from the request type itself, so the message and the check
 * cannot disagree.
 */
final class Accepted {

    static final String IDENTIFIER = "must be an identifier: letters, digits, '-' and '_', starting with a letter or digit,"
            + " at most 64 characters";

    private Accepted() {
    }

    /** "must be …" for a value of this type. */
    static String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + values(type);
        }
        if (type == LocalDate.class) {
            return "must be a date written as YYYY-MM-DD, e.g. 2024-09-12";
        }
        if (type == Instant.class) {
            return "must be an instant written as ISO-8601 in UTC, e.g. 2024-09-12T09:30:00Z";
        }
        if (type == String.class) {
            return "must be text (a JSON string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a whole number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list (a JSON array)";
        }
        return "must be an object (in braces) with its own fields";
    }

    /** The constants of an enum, as a client sends them. */
    static String values(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                .collect(Collectors.joining(", "));
    }

    /** The declared field of {@code owner} named {@code name}, or {@code null}. */
    static Field field(Class<?> owner, String name) {
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return null;
    }

    /** The field's size limit (its {@code @Size(max)}), or {@code -1} if it has none. */
    static int sizeLimit(Field field) {
        Size size = field == null ? null : field.getAnnotation(Size.class);
        if (size == null && field != null && field.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType list) {
            // a list of labels: the limit sits on the element type
            size = list.getAnnotatedActualTypeArguments()[0].getAnnotation(Size.class);
        }
        return size == null ? -1 : size.max();
    }

    /** The field's type; for a list, the type of its items. */
    static Class<?> itemType(Field field) {
        if (field == null) {
            return null;
        }
        Type type = field.getGenericType();
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments()[0] instanceof Class<?> item) {
            return item;
        }
        return field.getType();
    }

    static boolean isIdentifierPattern(String regexp) {
        return Identifiers.PATTERN.equals(regexp);
    }
}
