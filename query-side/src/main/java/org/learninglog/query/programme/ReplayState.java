package org.learninglog.query.programme;

import org.bson.Document;
import org.learninglog.query.view.TimelineLine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a programme after some steps of its replay: how many lines there were, by kind,
 * by place, by principle and by theme. Kept as a document (the running state in the timeline's
 * head, a copy at the start of every page) and folded line by line.
 */
public record ReplayState(long steps, Map<String, Long> byKind, Map<String, Long> byPlace, Map<String, Long> byPrinciple,
                          Map<String, Long> byTheme) {

    static void fold(Document state, TimelineLine line) {
        ProgrammeTimelineProjection.increment(state, "steps");
        ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(state, "kinds"), line.kind());
        if (line.placeId() != null) {
            ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(state, "places"), line.placeId());
        }
        line.principles().forEach(p -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(state, "principles"), p));
        line.themes().forEach(t -> ProgrammeTimelineProjection.increment(ProgrammeTimelineProjection.sub(state, "themes"), t));
    }

    static ReplayState of(Document state) {
        Number steps = state.get("steps", Number.class);
        return new ReplayState(steps == null ? 0 : steps.longValue(), counts(state, "kinds"), counts(state, "places"),
                counts(state, "principles"), counts(state, "themes"));
    }

    private static Map<String, Long> counts(Document state, String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Document stored = state.get(field, Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> counts.put(key.replace('\uff0e', '.').replace('\uff04', '$'), ((Number) value).longValue()));
        }
        return counts;
    }
}
