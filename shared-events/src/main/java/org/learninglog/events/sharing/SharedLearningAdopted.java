package org.learninglog.events.sharing;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Another place took up a shared learning: it changed one of its own practices citing it (that
 * change is its own {@code PracticeAdapted} or {@code PracticeAdopted}, which this event names).
 *
 * <p>Revision 2 adds {@code happenedOn}, the story's day. Revision 1 events read with the day of their
 * {@code recordedAt} (in UTC): they said no other.
 *
 * @param sharedLearningId the shared learning
 * @param programmeId      the programme
 * @param placeId          the place that took it up
 * @param practiceId       the adopting place's practice that changed because of it
 * @param adaptationId     that practice's adaptation; {@code null} when the practice was adopted new
 * @param note             what the place made of it, in its own words
 * @param happenedOn       the day it happened in the story; the day of recording when not said
 * @param recordedAt       when it was recorded
 * @param recordedBy       who recorded it: a member identifier
 */
@Revision("2")
public record SharedLearningAdopted(String sharedLearningId, String programmeId, String placeId, String practiceId,
                                    String adaptationId, String note, LocalDate happenedOn, Instant recordedAt,
                                    String recordedBy)
        implements StoryDated {
}
