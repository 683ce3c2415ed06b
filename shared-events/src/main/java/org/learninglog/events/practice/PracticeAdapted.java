package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place changed how it works because of one or more insights: one version of a practice's
 * history, from what it was to what it becomes.
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
 * @param occurredOn        the day it was decided; may lie before {@code recordedAt}
 * @param recordedAt        when it was recorded
 * @param recordedBy        who recorded it: a member identifier
 */
@Revision("1")
public record PracticeAdapted(String practiceId, String adaptationId, String placeId, String programmeId, String was,
                              String becomes, String why, List<String> insightIds, List<String> sharedLearningIds,
                              List<String> decidedBy, String forum, LocalDate occurredOn, Instant recordedAt,
                              String recordedBy) {

    public PracticeAdapted {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
        sharedLearningIds = sharedLearningIds == null ? List.of() : List.copyOf(sharedLearningIds);
        decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
    }
}
