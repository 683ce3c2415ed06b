package org.learninglog.security.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins counted in token buckets (Bucket4j), consulted before a password is checked so that
 * a flood of wrong passwords costs a map lookup each rather than a bcrypt computation.
 * <p>
 * Three counts, each a number of failures per period:
 * <ul>
 *   <li>per account and address: one client guessing one member's password is stopped after a few tries;</li>
 *   <li>per address: one client trying many accounts is stopped too;</li>
 *   <li>per account, from every address: guessing spread over many addresses is bounded.</li>
 * </ul>
 * The last one is what an attacker could turn against the member, so it is wide and does not hold
 * for an address the account signed in from lately: there the member's own count per account and
 * address is the one that applies. The worst an attacker hammering a member's name from elsewhere
 * can do is keep that member from signing in for the first time from a new address while the attack
 * lasts; from an address they used before, and with a password verified in the last minutes
 * ({@link VerifiedPasswords}, consulted before this), they are served as usual.
 */
public final class FailedSignIns {

    private final Limit perAccountAndAddress;
    private final Limit perAddress;
    private final Limit perAccount;
    private final Cache<String, Bucket> buckets;
    private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofDays(7)).maximumSize(100_000).build();

    /** So many failures per period. */
    public record Limit(int failures, Duration period) {
        public Limit {
            period = period == null ? Duration.ofMinutes(1) : period;
        }
    }

    public FailedSignIns(Limit perAccountAndAddress, Limit perAddress, Limit perAccount) {
        this.perAccountAndAddress = perAccountAndAddress;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        Duration longest = max(max(perAccountAndAddress.period(), perAddress.period()), perAccount.period());
        // A bucket idle for its whole period is full again, so it can go.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).maximumSize(200_000).build();
    }

    /** How long this attempt must wait, if it must: asked before the password is checked. */
    public Optional<Long> waitBefore(String account, String address) {
        long nanos = Math.max(wait(pair(account, address), perAccountAndAddress), wait("address\0" + address, perAddress));
        if (knownAddresses.getIfPresent(pair(account, address)) == null) {
            nanos = Math.max(nanos, wait("account\0" + account, perAccount));
        }
        return nanos == 0 ? Optional.empty() : Optional.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L)));
    }

    public void failed(String account, String address) {
        bucket(pair(account, address), perAccountAndAddress).tryConsume(1);
        bucket("address\0" + address, perAddress).tryConsume(1);
        bucket("account\0" + account, perAccount).tryConsume(1);
    }

    public void succeeded(String account, String address) {
        knownAddresses.put(pair(account, address), Boolean.TRUE);
    }

    private long wait(String key, Limit limit) {
        Bucket bucket = buckets.getIfPresent(key + "\0" + limit);
        return bucket == null ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, Limit limit) {
        return buckets.get(key + "\0" + limit, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.failures()).refillGreedy(limit.failures(), limit.period()).build())
                .build());
    }

    private static String pair(String account, String address) {
        return "pair\0" + account + "\0" + address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
