package org.learninglog.security.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, checks and revokes personal access tokens. A token is {@value #PREFIX} and 256 random
 * bits; only its SHA-256 digest is kept, so the check is a digest and an exact-key lookup, with no
 * password hashing: a fast hash is enough for a secret that is random rather than chosen by a person.
 * <p>
 * Answers are remembered for {@link #REMEMBERED} so that a busy client does not look its token up
 * on every request. A token revoked here is forgotten at once; one revoked through the other side's
 * process still works there for at most that long.
 */
public final class PersonalAccessTokens {

    public static final String PREFIX = "ll_pat_";
    public static final Duration REMEMBERED = Duration.ofSeconds(1);
    /** Last use is kept to within this, so that a busy token is not one write per request. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenStore store;
    private final Clock clock;
    private final Cache<String, Optional<PersonalAccessToken>> recent = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED).maximumSize(10_000).build();
    private final Map<String, Instant> useRecorded = new ConcurrentHashMap<>();

    public PersonalAccessTokens(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new token for the member; the answer is the only time the token itself is seen. */
    public IssuedToken issue(String member, String name, TokenScope scope) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        PersonalAccessToken kept = new PersonalAccessToken(digest(token), name, member, scope, clock.instant(), null, false);
        store.add(kept);
        return new IssuedToken(kept, token);
    }

    public List<PersonalAccessToken> of(String member) {
        return store.ofMember(member);
    }

    public boolean revoke(String id, String member) {
        boolean revoked = store.revoke(id, member);
        recent.invalidate(id);
        return revoked;
    }

    /** The live token this is, if it is one. */
    public Optional<PersonalAccessToken> check(String token) {
        if (!isToken(token)) {
            return Optional.empty();
        }
        String id = digest(token);
        Optional<PersonalAccessToken> found = recent.get(id, store::find).filter(kept -> !kept.revoked());
        found.ifPresent(this::recordUse);
        return found;
    }

    public static boolean isToken(String credentials) {
        return credentials != null && credentials.startsWith(PREFIX);
    }

    private void recordUse(PersonalAccessToken token) {
        Instant now = clock.instant();
        Instant last = useRecorded.get(token.id());
        if (last == null || last.plus(USE_RECORDED_EVERY).isBefore(now)) {
            useRecorded.put(token.id(), now);
            store.used(token.id(), now);
        }
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** A token just issued: what is kept, and the token itself, shown once. */
    public record IssuedToken(PersonalAccessToken kept, String token) {

        @Override
        public String toString() {
            return "IssuedToken[" + kept + "]";
        }
    }
}
