package org.learninglog.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One insight on a place's timeline. {@code happenedOn} is {@code null} when the recorder did not say. */
@io.swagger.v3.oas.annotations.media.Schema(name = "TimelineEntry") // the name API clients know it by
public record PlaceTimelineInsight(String insightId, String text, List<String> tags, LocalDate happenedOn,
                            Instant recordedAt, String recordedBy) {
}
