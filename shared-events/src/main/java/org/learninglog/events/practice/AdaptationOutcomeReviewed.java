package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Later, a place looked at what came of one adaptation of a practice. An adaptation may be
 * reviewed more than once (first "too soon", later "working").
 *
 * <p>Revision 2 calls {@code reviewedOn} {@code happenedOn}, as every story-dated event does, and
 * always holds a day: the day of recording (UTC) when none was given. Revision 1 events are upcast so:
 * their {@code reviewedOn} as it was, or the day of their {@code recordedAt} where it was {@code
 * null}.
 *
 * @param practiceId   the practice
 * @param adaptationId the adaptation reviewed
 * @param placeId      its place
 * @param programmeId  its programme
 * @param outcome      what came of it
 * @param notes        what was seen
 * @param insightIds   insights the review drew on or gave rise to; empty if none
 * @param happenedOn   the day of the review; may lie before {@code recordedAt}
 * @param recordedAt   when it was recorded
 * @param recordedBy   who recorded it: a member identifier
 */
@Revision("2")
public record AdaptationOutcomeReviewed(String practiceId, String adaptationId, String placeId, String programmeId,
                                        Outcome outcome, String notes, List<String> insightIds, LocalDate happenedOn,
                                        Instant recordedAt, String recordedBy)
        implements StoryDated {

    public AdaptationOutcomeReviewed {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
    }

    /** What came of an adaptation. Stored by name: never rename a constant. */
    public enum Outcome {
        WORKING, MIXED, NOT_WORKING, TOO_SOON
    }
}
