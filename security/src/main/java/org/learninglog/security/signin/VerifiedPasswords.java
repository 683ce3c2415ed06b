package org.learninglog.security.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * User name and password pairs that bcrypt has accepted lately, so that a client sending Basic
 * credentials on every request pays for bcrypt once every few minutes rather than each time.
 * Pairs are kept as an HMAC under a key made fresh by each process: neither the password nor
 * anything that could be tested against guesses offline outlives the process or leaves it.
 */
public final class VerifiedPasswords {

    private final Mac prototype;
    private final Cache<String, String> verified;

    public VerifiedPasswords(Duration remembered, long maximum) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
        verified = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(maximum).build();
    }

    public boolean isVerified(String username, String password) {
        return username.equals(verified.getIfPresent(key(username, password)));
    }

    public void verified(String username, String password) {
        verified.put(key(username, password), username);
    }

    /** Forgets every remembered password of the account: call it whenever its password changes. */
    public void forget(String username) {
        verified.asMap().values().removeIf(username::equals);
    }

    private String key(String username, String password) {
        try {
            Mac mac = (Mac) prototype.clone();
            // The name's length first, so that no other split of the same characters gives the same key.
            mac.update((username.length() + ":" + username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The platform's HmacSHA256 cannot be cloned", e);
        }
    }
}
