package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place changed how it works because of one or more insights: one version of a practice's
 * history, from what it was to what it becomes.
 *
 * <p>Revision 2 calls {@code occurredOn} {@code happenedOn}, as every story-dated event does, and
 * always holds a day: the day of recording (UTC) when none was given. Revision 1 events are upcast so:
 * their {@code occurredOn} as it was, or the day of their {@code recordedAt} where it was {@code
 * null}.
 *
 * @param practiceId        the practice
 * @param adaptationId      this adaptation's identifier, for reviewing its outcome later
 * @param placeId           the place whose practice it is
 * @param programmeId       the place's programme
 * @param was               how the place worked until now (the practice's description before)
 * @param becomes           how it works from now on
 * @param why               why it changed
 * @param insightIds        the insights behind the decision
 * @param sharedLearningIds shared learning it cites (learning that travelled here); empty if none
 * @param decidedBy         member identifiers of who decided
 * @param forum             where it was decided
 * @param happenedOn        the day it was decided; may lie before {@code recordedAt}
 * @param recordedAt        when it was recorded
 * @param recordedBy        who recorded it: a member identifier
 */
@Revision("2")
public record PracticeAdapted(String practiceId, String adaptationId, String placeId, String programmeId, String was,
                              String becomes, String why, List<String> insightIds, List<String> sharedLearningIds,
                              List<String> decidedBy, String forum, LocalDate happenedOn, Instant recordedAt,
                              String recordedBy)
        implements StoryDated {

    public PracticeAdapted {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
        sharedLearningIds = sharedLearningIds == null ? List.of() : List.copyOf(sharedLearningIds);
        decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
    }
}
