package org.learninglog.security.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B (5.1.1.2): at least 12 characters, no rules
 * of composition (any characters, spaces included), and none of the 10,000 most common passwords
 * (the list shipped beside this class, with its source and licence), nor the member's own name.
 * At most 64 characters and 72 bytes, because bcrypt reads no further than that.
 */
public final class PasswordRules {

    public static final int MINIMUM = 12;
    public static final int MAXIMUM = 64;
    private static final int BCRYPT_BYTES = 72;

    private final Set<String> common;

    public PasswordRules() {
        this.common = load();
    }

    /** Refuses a password that breaks a rule; says which rule, never the password. */
    public void check(String field, String memberId, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM) {
            throw new PasswordRefused(field, "must be at least " + MINIMUM + " characters long");
        }
        if (password.codePointCount(0, password.length()) > MAXIMUM
                || password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_BYTES) {
            throw new PasswordRefused(field, "must be at most " + MAXIMUM + " characters (and " + BCRYPT_BYTES + " bytes) long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new PasswordRefused(field, "is one of the 10,000 most common passwords");
        }
        if (memberId != null && lower.contains(memberId.toLowerCase(Locale.ROOT))) {
            throw new PasswordRefused(field, "must not contain the user name");
        }
    }

    public int commonPasswords() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
