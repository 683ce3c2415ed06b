package org.learninglog.query.timeline;

import org.bson.Document;
import org.learninglog.query.view.LiveViews;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads a place's timeline from the live generation of the place timeline view, by {@code _id} alone. */
@Component
public class PlaceTimelines {

    private final LiveViews views;

    public PlaceTimelines(LiveViews views) {
        this.views = views;
    }

    public Optional<PlaceTimeline> find(String placeId) {
        Document stored = views.reader(PlaceTimelineProjection.NAME).get(placeId);
        return Optional.ofNullable(stored).map(PlaceTimeline::of);
    }
}
