package org.learninglog.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The checks every aggregate makes on what a command carries, whatever sent it (the HTTP edge
 * checks the same limits first, but commands also come from the demo loader and other code).
 */
public final class CommandInput {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_NAME = 200;
    public static final int MAX_LABEL = 100;
    public static final int MAX_LIST = 50;

    private CommandInput() {
    }

    public static String identifier(String field, String value) {
        if (!Identifiers.isValid(value)) {
            throw new CommandRejected(field, "must be an identifier matching " + Identifiers.PATTERN);
        }
        return value;
    }

    /** An identifier, or {@code null} when none is given. */
    public static String optionalIdentifier(String field, String value) {
        return value == null ? null : identifier(field, value);
    }

    /** Stripped text, not blank, at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new CommandRejected(field, "must not be blank");
        }
        if (stripped.length() > max) {
            throw new CommandRejected(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    /** Like {@link #text} but {@code null} stays {@code null}. */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /** Identifiers, each once, in the order given; an absent list is empty. */
    public static List<String> identifiers(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            distinct.add(identifier(field, value));
        }
        return size(field, new ArrayList<>(distinct));
    }

    /** Labels stripped, each once, in the order given; an absent list is empty. */
    public static List<String> labels(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            distinct.add(text(field, value, MAX_LABEL));
        }
        return size(field, new ArrayList<>(distinct));
    }

    private static <T> List<T> size(String field, List<T> values) {
        if (values.size() > MAX_LIST) {
            throw new CommandRejected(field, "must hold at most " + MAX_LIST + " entries");
        }
        return List.copyOf(values);
    }
}
