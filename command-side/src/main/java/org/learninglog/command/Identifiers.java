package org.learninglog.command;

import org.axonframework.common.IdentifierFactory;

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

    /**
     * A new aggregate identifier: a time-ordered UUID (the event store's
     * {@code TimeOrderedIdentifierFactory}), so that the unique index the store checks on every
     * append finds a recent aggregate's key among the other recent ones rather than on a random
     * page, and a commit rewrites pages whose older copies sit in recent chunks of the file (on
     * the embedded store their bookkeeping was a large part of a commit). Measured with
     * {@code StoreBenchmark} at 100,000 events: commands per second against raw inserts 0.48 with
     * random identifiers (0.37 in a second run, under a JFR recording), 0.56–0.67 with these (two
     * runs); store file 196–232 MB, then 160–178 MB.
     */
    public static String next() {
        return IdentifierFactory.getInstance().generateIdentifier();
    }

    public static boolean isValid(String identifier) {
        return identifier != null && COMPILED.matcher(identifier).matches();
    }
}
