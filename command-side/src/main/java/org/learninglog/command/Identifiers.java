package org.learninglog.command;

import java.util.regex.Pattern;

/**
 * The shape of every identifier we accept. Views use identifiers as document keys and field
 * names, so they may hold neither dots nor dollar signs; and an identifier is never a name.
 */
public final class Identifiers {

    /** Letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Identifiers() {
    }

    public static boolean isValid(String identifier) {
        return identifier != null && COMPILED.matcher(identifier).matches();
    }
}
