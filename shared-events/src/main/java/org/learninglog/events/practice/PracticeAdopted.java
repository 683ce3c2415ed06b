package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place took up a practice that is new to it, because of its own insights or of learning
 * shared by another place.
 *
 * @param practiceId        the practice's identifier
 * @param placeId           the place whose practice it is
 * @param programmeId       the place's programme
 * @param name              a short name for the practice
 * @param description       how the place works now
 * @param why               why it was taken up
 * @param insightIds        the insights behind the decision (of this place, or shared with it)
 * @param sharedLearningIds shared learning it cites; empty if none
 * @param decidedBy         member identifiers of who decided
 * @param forum             where it was decided (a partnership board, a residents' meeting...)
 * @param occurredOn        the day it was decided; may lie before {@code recordedAt}
 * @param recordedAt        when it was recorded
 * @param recordedBy        who recorded it: a member identifier
 */
@Revision("1")
public record PracticeAdopted(String practiceId, String placeId, String programmeId, String name, String description,
                              String why, List<String> insightIds, List<String> sharedLearningIds,
                              List<String> decidedBy, String forum, LocalDate occurredOn, Instant recordedAt,
                              String recordedBy) {

    public PracticeAdopted {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
        sharedLearningIds = sharedLearningIds == null ? List.of() : List.copyOf(sharedLearningIds);
        decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
    }
}
