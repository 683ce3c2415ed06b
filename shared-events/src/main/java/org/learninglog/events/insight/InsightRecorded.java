package org.learninglog.events.insight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Somebody in a place recorded something they noticed. Learning does not happen on a schedule:
 * {@code happenedOn} may lie well before {@code recordedAt}.
 *
 * <p>Revision 3 makes {@code happenedOn} always present: the day of recording (UTC) when the
 * recorder gave none. Revision 2 events without a day are upcast to the day of their {@code recordedAt}.
 *
 * <p>Revision 2 replaces revision 1's flat {@code tags} list by the framework's separate fields,
 * and adds optional {@code evidence}. Revision 1 events are upcast: their tags become
 * {@code principles} as they were (revision 1 did not say which kind of tag a tag was, so nothing
 * is guessed into layer, sphere, themes or source, which read {@code null} or empty).
 *
 * @param insightId   the insight's identifier
 * @param placeId     the place it was recorded for
 * @param programmeId the place's programme, so that views can keep programmes apart
 * @param text        what was noticed
 * @param unintended  whether it is an unintended result of the work (those are actionable too)
 * @param layer       the layer of the work it is about; {@code null} in upcast revision 1 events
 * @param sphere      the sphere of influence; {@code null} if not said
 * @param principles  learning principles of the programme's framework it speaks to
 * @param themes      themes of the programme's framework
 * @param source      where the learning came from, one of the framework's sources; {@code null} if not said
 * @param evidence    a quote and who said it, recorded with that person's consent; {@code null} if none.
 *                    The only personal data of this event.
 * @param happenedOn  the day it happened; the day of recording when the recorder did not say
 * @param recordedAt  when it was recorded
 * @param recordedBy  who recorded it: a member identifier, never a name
 */
@Revision("3")
public record InsightRecorded(String insightId, String placeId, String programmeId, String text, boolean unintended,
                              Layer layer, Sphere sphere, List<String> principles, List<String> themes, String source,
                              PersonalData evidence, LocalDate happenedOn, Instant recordedAt, String recordedBy)
        implements StoryDated {

    public InsightRecorded {
        principles = principles == null ? List.of() : List.copyOf(principles);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** The framework labels of this insight in one list (principles, then themes, then source), for simple views. */
    @JsonIgnore
    public List<String> labels() {
        return labels(principles, themes, source);
    }

    /** Principles, then themes, then the source if there is one (also what {@link InsightRevised#labels()} gives). */
    static List<String> labels(List<String> principles, List<String> themes, String source) {
        List<String> labels = new ArrayList<>(principles);
        labels.addAll(themes);
        if (source != null) {
            labels.add(source);
        }
        return List.copyOf(labels);
    }
}
