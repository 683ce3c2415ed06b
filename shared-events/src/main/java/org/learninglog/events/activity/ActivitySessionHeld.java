package org.learninglog.events.activity;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A session of a learning activity was held.
 *
 * @param activityId     the activity
 * @param programmeId    its programme
 * @param sessionNumber  its number in the activity, from 1, in the order recorded
 * @param happenedOn         the day it was held (the story's day), within the activity's span
 * @param facilitatorId  the registered person who facilitated it, if any (an identifier, never a name)
 * @param attendance     how many came from each place taking part (place identifier to count)
 * @param attendeeIds    registered people who came, if the partner records them (identifiers only)
 * @param recordedAt     when it was recorded
 * @param recordedBy     the member who recorded it
 */
@Revision("1")
public record ActivitySessionHeld(String activityId, String programmeId, int sessionNumber, LocalDate happenedOn,
                                  String facilitatorId, Map<String, Integer> attendance, List<String> attendeeIds,
                                  Instant recordedAt, String recordedBy) implements StoryDated {

    public ActivitySessionHeld {
        attendance = attendance == null ? Map.of() : Map.copyOf(attendance);
        attendeeIds = attendeeIds == null ? List.of() : List.copyOf(attendeeIds);
    }
}
