package org.learninglog.security.token;

import java.util.Locale;
import java.util.Optional;

/** What a personal access token lets its client do: read only, or read and write. */
public enum TokenScope {
    READ,
    WRITE;

    /** The scope as clients name it ({@code read}, {@code write}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenScope> parse(String label) {
        for (TokenScope scope : values()) {
            if (scope.label().equals(label)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
