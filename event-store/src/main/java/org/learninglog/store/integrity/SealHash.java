package org.learninglog.store.integrity;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the previous link and the event exactly as stored: its position, identifier,
 * aggregate and sequence, type and revision, time, and the serialized payload and metadata. The
 * payload is hashed as stored, so when personal data in it is encrypted the hash covers the
 * ciphertext, and deleting a person's key never breaks the chain.
 */
final class SealHash {

    private SealHash() {
    }

    static String of(String prev, long position, TrackedEventData<?> event) {
        MessageDigest sha256 = sha256();
        field(sha256, prev);
        field(sha256, Long.toString(position));
        field(sha256, event.getEventIdentifier());
        if (event instanceof DomainEventData<?> domain) {
            field(sha256, domain.getAggregateIdentifier());
            field(sha256, Long.toString(domain.getSequenceNumber()));
        }
        field(sha256, event.getPayload().getType().getName());
        field(sha256, event.getPayload().getType().getRevision());
        field(sha256, event.getTimestamp().toString());
        field(sha256, String.valueOf(event.getPayload().getData()));
        field(sha256, String.valueOf(event.getMetaData().getData()));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Length-prefixed, so that no shift of text between two fields yields the same input. */
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(value == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
