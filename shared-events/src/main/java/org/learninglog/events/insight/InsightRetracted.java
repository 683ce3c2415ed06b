package org.learninglog.events.insight;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Somebody retracted an insight: it no longer stands. It stays in the history, and decisions that
 * cited it keep showing it, marked retracted.
 *
 * @param insightId   the insight
 * @param placeId     its place
 * @param programmeId its programme
 * @param reason      why it was retracted
 * @param recordedAt  when it was recorded
 * @param recordedBy  who retracted it: a member identifier
 */
@Revision("1")
public record InsightRetracted(String insightId, String placeId, String programmeId, String reason,
                               Instant recordedAt, String recordedBy) {
}
