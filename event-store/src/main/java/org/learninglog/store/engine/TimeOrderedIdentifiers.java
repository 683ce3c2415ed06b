package org.learninglog.store.engine;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Axon's identifiers (of events above all) as time-ordered UUIDs (version 7: milliseconds since
 * the epoch first, then a counter within the millisecond, then random bits), registered through
 * {@code META-INF/services}.
 *
 * <p>Why: the store's unique {@code keys} index holds every event identifier. Random (version 4)
 * identifiers put each append's key into a random page of that index, so every commit of the
 * embedded store rewrote one more page, and the chunk bookkeeping of the older file chunk that
 * page came from; JFR showed that bookkeeping to be a large part of an append. Time-ordered
 * identifiers all go to the end of their range, into the page the previous append rewrote.
 * They are still unique UUIDs (74 random or counter bits per millisecond) and in the same text
 * form, so stored events and their readers are unaffected.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private long lastMillis;
    private int counter;

    @Override
    public String generateIdentifier() {
        long millis;
        int sequence;
        synchronized (this) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) { // 4096 in one millisecond: borrow the next one
                    millis++;
                    counter = 0;
                }
            } else {
                counter = RANDOM.nextInt(0x800); // a random start leaves room to count up
            }
            lastMillis = millis;
            sequence = counter;
        }
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
