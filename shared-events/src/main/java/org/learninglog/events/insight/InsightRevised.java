package org.learninglog.events.insight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;

import java.time.Instant;
import java.util.List;

/**
 * Somebody revised an insight's wording or tags. It carries the insight as it reads from now on;
 * the earlier wording stays in the history. Evidence is not revised here.
 *
 * @param insightId   the insight
 * @param placeId     its place
 * @param programmeId its programme
 * @param text        the text as it reads now
 * @param layer       the layer as it reads now
 * @param sphere      the sphere as it reads now
 * @param principles  the principles as they read now
 * @param themes      the themes as they read now
 * @param source      the source as it reads now
 * @param reason      why it was revised
 * @param recordedAt  when the revision was recorded
 * @param recordedBy  who revised it: a member identifier
 */
@Revision("1")
public record InsightRevised(String insightId, String placeId, String programmeId, String text, Layer layer,
                             Sphere sphere, List<String> principles, List<String> themes, String source,
                             String reason, Instant recordedAt, String recordedBy) {

    public InsightRevised {
        principles = principles == null ? List.of() : List.copyOf(principles);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** The framework labels as they read now, in one list (principles, then themes, then source), for simple views. */
    @JsonIgnore
    public List<String> labels() {
        return InsightRecorded.labels(principles, themes, source);
    }
}
