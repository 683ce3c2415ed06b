package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place stopped a practice. Nothing more can be adapted or reviewed on it.
 *
 * <p>Revision 2 calls {@code occurredOn} {@code happenedOn}, as every story-dated event does, and
 * always holds a day: the day of recording (UTC) when none was given. Revision 1 events are upcast so:
 * their {@code occurredOn} as it was, or the day of their {@code recordedAt} where it was {@code
 * null}.
 *
 * @param practiceId  the practice
 * @param placeId     its place
 * @param programmeId its programme
 * @param why         why it stopped
 * @param insightIds  the insights behind the decision; empty if none
 * @param happenedOn  the day it stopped; may lie before {@code recordedAt}
 * @param recordedAt  when it was recorded
 * @param recordedBy  who recorded it: a member identifier
 */
@Revision("2")
public record PracticeRetired(String practiceId, String placeId, String programmeId, String why,
                              List<String> insightIds, LocalDate happenedOn, Instant recordedAt, String recordedBy)
        implements StoryDated {

    public PracticeRetired {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
    }
}
