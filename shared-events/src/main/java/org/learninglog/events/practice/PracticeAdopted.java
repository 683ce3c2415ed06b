package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place took up a practice that is new to it, because of its own insights or of learning
 * shared by another place.
 *
 * <p>Revision 2 calls {@code occurredOn} {@code happenedOn}, as every story-dated event does, and
 * always holds a day: the day of recording (UTC) when none was given. Revision 1 events are upcast so:
 * their {@code occurredOn} as it was, or the day of their {@code recordedAt} where it was {@code
 * null}.
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
 * @param happenedOn        the day it was decided; may lie before {@code recordedAt}
 * @param recordedAt        when it was recorded
 * @param recordedBy        who recorded it: a member identifier
 */
@Revision("2")
public record PracticeAdopted(String practiceId, String placeId, String programmeId, String name, String description,
                              String why, List<String> insightIds, List<String> sharedLearningIds,
                              List<String> decidedBy, String forum, LocalDate happenedOn, Instant recordedAt,
                              String recordedBy)
        implements StoryDated {

    public PracticeAdopted {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
        sharedLearningIds = sharedLearningIds == null ? List.of() : List.copyOf(sharedLearningIds);
        decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
    }
}
