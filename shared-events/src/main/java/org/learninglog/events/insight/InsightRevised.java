package org.learninglog.events.insight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;

import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Somebody revised an insight's wording or tags. It carries the insight as it reads from now on;
 * the earlier wording stays in the history. Evidence is not revised here.
 *
 * <p>Revision 2 adds {@code happenedOn}, the story's day. Revision 1 events read with the day of their
 * {@code recordedAt} (in UTC): they said no other.
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
 * @param happenedOn  the day it happened in the story; the day of recording when not said
 * @param recordedAt  when the revision was recorded
 * @param recordedBy  who revised it: a member identifier
 */
@Revision("2")
public record InsightRevised(String insightId, String placeId, String programmeId, String text, Layer layer,
                             Sphere sphere, List<String> principles, List<String> themes, String source,
                             String reason, LocalDate happenedOn, Instant recordedAt, String recordedBy)
        implements StoryDated {

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
