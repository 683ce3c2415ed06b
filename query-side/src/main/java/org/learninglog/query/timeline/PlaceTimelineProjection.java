package org.learninglog.query.timeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.springframework.stereotype.Component;

/**
 * Builds each place's timeline. Events arrive at least once, so every handler may run twice for
 * the same event and leave the same result.
 */
@Component
@ProcessingGroup(PlaceTimelineProjection.PROCESSING_GROUP)
public class PlaceTimelineProjection {

    public static final String PROCESSING_GROUP = "place-timeline";

    private final PlaceTimelines timelines;

    public PlaceTimelineProjection(PlaceTimelines timelines) {
        this.timelines = timelines;
    }

    @EventHandler
    void on(PlaceRegistered event) {
        timelines.placeRegistered(event.placeId(), event.programmeId(), event.name(), event.registeredAt());
    }

    @EventHandler
    void on(InsightRecorded event) {
        timelines.entryRecorded(event.placeId(), new PlaceTimelineInsight(event.insightId(), event.text(), event.labels(),
                event.happenedOn(), event.recordedAt(), event.recordedBy()));
    }

    @EventHandler
    void on(InsightRevised event) {
        timelines.entryRevised(event.placeId(), event.insightId(), event.text(), event.labels());
    }

    @ResetHandler
    void reset() {
        timelines.clear();
    }
}
