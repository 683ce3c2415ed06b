package org.learninglog.events.insight;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Somebody retracted an insight: it no longer stands. It stays in the history, and decisions that
 * cited it keep showing it, marked retracted.
 *
 * <p>Revision 2 adds {@code happenedOn}, the story's day. Revision 1 events read with the day of their
 * {@code recordedAt} (in UTC): they said no other.
 *
 * @param insightId   the insight
 * @param placeId     its place
 * @param programmeId its programme
 * @param reason      why it was retracted
 * @param happenedOn  the day it happened in the story; the day of recording when not said
 * @param recordedAt  when it was recorded
 * @param recordedBy  who retracted it: a member identifier
 */
@Revision("2")
public record InsightRetracted(String insightId, String placeId, String programmeId, String reason,
                               LocalDate happenedOn, Instant recordedAt, String recordedBy)
        implements StoryDated {
}
