package org.learninglog.events.insight;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Somebody in a place recorded something they noticed. Learning does not happen on a schedule:
 * {@code happenedOn} may lie well before {@code recordedAt}.
 *
 * <p>Personal data (a quote and who said it, with their consent) will be carried by a later
 * revision as one more, optional component of a dedicated personal-data type, so that it can be
 * made unreadable on request while this record stays as it is. Events of this revision simply
 * lack it (it reads as {@code null}); nothing else here may ever hold a name or a quote.
 *
 * @param insightId  the insight's identifier
 * @param placeId    the place it was recorded for
 * @param programmeId the place's programme, so that views can keep programmes apart
 * @param text       what was noticed
 * @param tags       framework tags (layer, sphere, principles, themes, source); never names
 * @param happenedOn the day it happened, when the recorder said so; {@code null} if not said
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it: a member identifier, never a name
 */
@Revision("1")
public record InsightRecorded(String insightId, String placeId, String programmeId, String text, List<String> tags,
                              LocalDate happenedOn, Instant recordedAt, String recordedBy) {

    public InsightRecorded {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
