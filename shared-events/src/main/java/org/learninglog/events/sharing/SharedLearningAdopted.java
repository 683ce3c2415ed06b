package org.learninglog.events.sharing;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Another place took up a shared learning: it changed one of its own practices citing it (that
 * change is its own {@code PracticeAdapted} or {@code PracticeAdopted}, which this event names).
 *
 * @param sharedLearningId the shared learning
 * @param programmeId      the programme
 * @param placeId          the place that took it up
 * @param practiceId       the adopting place's practice that changed because of it
 * @param adaptationId     that practice's adaptation; {@code null} when the practice was adopted new
 * @param note             what the place made of it, in its own words
 * @param recordedAt       when it was recorded
 * @param recordedBy       who recorded it: a member identifier
 */
@Revision("1")
public record SharedLearningAdopted(String sharedLearningId, String programmeId, String placeId, String practiceId,
                                    String adaptationId, String note, Instant recordedAt, String recordedBy) {
}
