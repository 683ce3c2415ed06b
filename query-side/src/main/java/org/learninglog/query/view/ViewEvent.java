package org.learninglog.query.view;

import java.time.Instant;

/**
 * One stored event as a projection sees it: its global position (the order, and the key to
 * idempotency), its identifier, when it was recorded (what "as of" folds on) and its payload.
 */
public record ViewEvent(long position, String eventId, Instant recordedAt, Object payload) {
}
