package org.learninglog.query.timeline;

import java.time.Instant;
import java.util.List;

/** A place and what was recorded for it, oldest first. */
public record PlaceTimeline(String placeId, String programmeId, String name, Instant registeredAt,
                            List<PlaceTimelineInsight> entries) {
}
