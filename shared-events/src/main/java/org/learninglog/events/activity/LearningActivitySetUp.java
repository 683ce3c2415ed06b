package org.learninglog.events.activity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A learning partner or administrator set up a learning activity: a learning cluster, an action
 * learning set, a masterclass series, a residential. Its sessions and what participants said of
 * them are recorded as they happen.
 *
 * @param activityId     the activity's identifier
 * @param programmeId    the programme
 * @param kind           what sort of activity, one of the programme framework's sources
 * @param topic          what it is about
 * @param placeIds       the places taking part
 * @param startsOn       the first day of its span
 * @param endsOn         the last day of its span; {@code null} while open-ended
 * @param ratingScale    the answers of its forms' rating question, best first (default excellent, good, fair, poor)
 * @param usefulOptions  the choices of "what was most useful" on its forms
 * @param recordedAt     when it was recorded
 * @param recordedBy     the member who set it up
 */
@Revision("1")
public record LearningActivitySetUp(String activityId, String programmeId, String kind, String topic,
                                    List<String> placeIds, LocalDate startsOn, LocalDate endsOn,
                                    List<String> ratingScale, List<String> usefulOptions,
                                    Instant recordedAt, String recordedBy) {

    public LearningActivitySetUp {
        placeIds = placeIds == null ? List.of() : List.copyOf(placeIds);
        ratingScale = ratingScale == null ? List.of() : List.copyOf(ratingScale);
        usefulOptions = usefulOptions == null ? List.of() : List.copyOf(usefulOptions);
    }
}
