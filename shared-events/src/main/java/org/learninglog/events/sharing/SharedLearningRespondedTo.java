package org.learninglog.events.sharing;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A place, a learning partner or a funder responded to a shared learning without (yet) taking it
 * up: endorsing it, asking about it, or commenting.
 *
 * @param sharedLearningId the shared learning
 * @param programmeId      the programme
 * @param placeId          the responding place; {@code null} when the response comes from across the programme
 * @param kind             what kind of response
 * @param text             the response
 * @param recordedAt       when it was recorded
 * @param recordedBy       who responded: a member identifier
 */
@Revision("1")
public record SharedLearningRespondedTo(String sharedLearningId, String programmeId, String placeId, Kind kind,
                                        String text, Instant recordedAt, String recordedBy) {

    /** Stored by name: never rename a constant. */
    public enum Kind {
        ENDORSEMENT, QUESTION, COMMENT
    }
}
