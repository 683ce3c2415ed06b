package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Later, a place looked at what came of one adaptation of a practice. An adaptation may be
 * reviewed more than once (first "too soon", later "working").
 *
 * @param practiceId   the practice
 * @param adaptationId the adaptation reviewed
 * @param placeId      its place
 * @param programmeId  its programme
 * @param outcome      what came of it
 * @param notes        what was seen
 * @param insightIds   insights the review drew on or gave rise to; empty if none
 * @param reviewedOn   the day of the review; may lie before {@code recordedAt}
 * @param recordedAt   when it was recorded
 * @param recordedBy   who recorded it: a member identifier
 */
@Revision("1")
public record AdaptationOutcomeReviewed(String practiceId, String adaptationId, String placeId, String programmeId,
                                        Outcome outcome, String notes, List<String> insightIds, LocalDate reviewedOn,
                                        Instant recordedAt, String recordedBy) {

    public AdaptationOutcomeReviewed {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
    }

    /** What came of an adaptation. Stored by name: never rename a constant. */
    public enum Outcome {
        WORKING, MIXED, NOT_WORKING, TOO_SOON
    }
}
