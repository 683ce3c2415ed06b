package org.learninglog.events.sensemaking;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A learning partner recorded a sensemaking session: who met, which insights they looked at
 * together, and what they concluded.
 *
 * <p>Revision 2 calls {@code heldOn} {@code happenedOn}, as every story-dated event does, and always
 * holds a day: the day of recording (UTC) when none was given. Revision 1 events are upcast so: their
 * {@code heldOn} as it was, or the day of their {@code recordedAt} where it was {@code null}.
 *
 * @param sessionId      the session's identifier
 * @param programmeId    the programme
 * @param title          what the session was about
 * @param participantIds identifiers of the people who took part (never names)
 * @param placeIds       the places that took part
 * @param insightIds     the insights looked at
 * @param conclusions    what they concluded
 * @param happenedOn     the day it was held; may lie before {@code recordedAt}
 * @param recordedAt     when it was recorded
 * @param recordedBy     the learning partner: a member identifier
 */
@Revision("2")
public record SensemakingHeld(String sessionId, String programmeId, String title, List<String> participantIds,
                              List<String> placeIds, List<String> insightIds, String conclusions, LocalDate happenedOn,
                              Instant recordedAt, String recordedBy)
        implements StoryDated {

    public SensemakingHeld {
        participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
        placeIds = placeIds == null ? List.of() : List.copyOf(placeIds);
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
    }
}
