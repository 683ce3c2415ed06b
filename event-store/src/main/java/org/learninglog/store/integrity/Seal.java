package org.learninglog.store.integrity;

/**
 * The hash that links one stored event to the one before it in its programme's chain. Seals sit
 * in their own collection keyed by the event's position, so stored events are never updated,
 * not even to add their seal.
 *
 * @param position     the event's global position
 * @param programme    the chain it belongs to (the event's programme)
 * @param eventId      the event's identifier
 * @param count        its place in the chain, from 1
 * @param prevPosition the position of the event before it in the chain; 0 for the first
 * @param prev         the hash of the event before it in the chain; empty for the first
 * @param hash         SHA-256 over {@code prev} and the event as stored (hex)
 */
public record Seal(long position, String programme, String eventId, long count, long prevPosition, String prev, String hash) {
}
