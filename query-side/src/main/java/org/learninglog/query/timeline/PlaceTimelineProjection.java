package org.learninglog.query.timeline;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.DispatchingProjection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

/**
 * Each place's timeline of insights, the first slice's view: one document per place,
 * {@code _id} = place id (the shape of the collection it was kept in before it was a view, so that
 * collection is taken over as it is: {@code FirstSliceCollections}). Its entries are keyed by
 * insight id; a revision changes an entry's text and tags and keeps when and by whom it was
 * recorded. An insight that arrives before its place is kept, and the place fills in later.
 */
@Component
public class PlaceTimelineProjection extends DispatchingProjection {

    public static final String NAME = "place-timeline";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(PlaceRegistered.class, PlaceTimelineProjection::placeRegistered)
            .on(InsightRecorded.class, PlaceTimelineProjection::insightRecorded)
            .on(InsightRevised.class, PlaceTimelineProjection::insightRevised);

    public PlaceTimelineProjection() {
        super(NAME, HANDLERS);
    }

    private static void placeRegistered(PlaceRegistered e, ViewEvent event, ViewUpdate view) {
        Document timeline = view.edit(e.placeId());
        if (timeline != null) {
            PlaceTimeline.registered(timeline, e.programmeId(), e.name(), e.registeredAt());
        }
    }

    private static void insightRecorded(InsightRecorded e, ViewEvent event, ViewUpdate view) {
        Document timeline = view.edit(e.placeId());
        if (timeline != null) {
            new PlaceTimelineInsight(e.insightId(), e.text(), e.labels(), e.happenedOn(), e.recordedAt(), e.recordedBy())
                    .writeTo(timeline);
        }
    }

    private static void insightRevised(InsightRevised e, ViewEvent event, ViewUpdate view) {
        Document timeline = view.edit(e.placeId());
        if (timeline != null) {
            PlaceTimelineInsight.revised(timeline, e.insightId(), e.text(), e.labels());
        }
    }
}
