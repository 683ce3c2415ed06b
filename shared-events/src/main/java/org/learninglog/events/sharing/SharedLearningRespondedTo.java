package org.learninglog.events.sharing;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A place, a learning partner or a funder responded to a shared learning without (yet) taking it
 * up: endorsing it, asking about it, or commenting.
 *
 * <p>Revision 2 adds {@code happenedOn}, the story's day. Revision 1 events read with the day of their
 * {@code recordedAt} (in UTC): they said no other.
 *
 * @param sharedLearningId the shared learning
 * @param programmeId      the programme
 * @param placeId          the responding place; {@code null} when the response comes from across the programme
 * @param kind             what kind of response
 * @param text             the response
 * @param happenedOn       the day it happened in the story; the day of recording when not said
 * @param recordedAt       when it was recorded
 * @param recordedBy       who responded: a member identifier
 */
@Revision("2")
public record SharedLearningRespondedTo(String sharedLearningId, String programmeId, String placeId, Kind kind,
                                        String text, LocalDate happenedOn, Instant recordedAt, String recordedBy)
        implements StoryDated {

    /** Stored by name: never rename a constant. */
    public enum Kind {
        ENDORSEMENT, QUESTION, COMMENT
    }
}
