package org.learninglog.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One insight on a place's timeline. {@code happenedOn} is {@code null} when the recorder did not say. */
public record TimelineEntry(String insightId, String text, List<String> tags, LocalDate happenedOn,
                            Instant recordedAt, String recordedBy) {
}
