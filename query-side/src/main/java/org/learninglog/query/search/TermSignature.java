package org.learninglog.query.search;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * A postings page's summary of the terms its hits hold: a Bloom filter of {@value #BITS} bits, each
 * term setting two. A query of several terms walks its rarest term's pages and skips every page whose
 * signature lacks one of the other terms, without reading the documents of the page's hits; so two
 * common terms never found together are answered from the rarest term's pages alone. A signature
 * only grows (a hit taken off a page leaves its bits): it can let a page through that has no match,
 * never skip one that has. The hash is FNV-1a over the term's UTF-8 bytes, fixed here because
 * signatures are stored.
 */
final class TermSignature {

    static final int BITS = 2048;

    private TermSignature() {
    }

    /** A stored signature ({@code Binary} as read, {@code byte[]} as written), or {@code null}. */
    static byte[] of(Object stored) {
        if (stored instanceof org.bson.types.Binary binary) {
            return binary.getData();
        }
        return stored instanceof byte[] bytes ? bytes : null;
    }

    /**
     * The hashes of a hit's {@code terms}, worked out once for the hit: its entry goes on a page of each
     * of its terms, and each page's signature takes all of them (hashed again for every page, they were an
     * eighth of a live batch's indexing in a profile).
     */
    static long[] hashes(Collection<String> terms) {
        return terms.stream().mapToLong(TermSignature::hash).toArray();
    }

    /** {@code signature} ({@code null}: empty) with the terms of {@code hashes} added, as a new array. */
    static byte[] with(byte[] signature, long[] hashes) {
        byte[] grown = signature == null || signature.length != BITS / 8 ? new byte[BITS / 8] : signature.clone();
        for (long hash : hashes) {
            set(grown, (int) ((hash & 0xffffffffL) % BITS));
            set(grown, (int) ((hash >>> 32) % BITS));
        }
        return grown;
    }

    /** Whether a hit holding {@code term} may have been added; {@code false} means none was. */
    static boolean mayHold(byte[] signature, String term) {
        if (signature.length != BITS / 8) {
            return true;
        }
        long hash = hash(term);
        return isSet(signature, (int) ((hash & 0xffffffffL) % BITS)) && isSet(signature, (int) ((hash >>> 32) % BITS));
    }

    private static void set(byte[] bits, int bit) {
        bits[bit >>> 3] |= (byte) (1 << (bit & 7));
    }

    private static boolean isSet(byte[] bits, int bit) {
        return (bits[bit >>> 3] & (1 << (bit & 7))) != 0;
    }

    private static long hash(String term) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
