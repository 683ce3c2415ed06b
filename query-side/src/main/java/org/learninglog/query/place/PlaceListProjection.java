package org.learninglog.query.place;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.learninglog.events.place.PlaceRegistered;
import org.springframework.stereotype.Component;

/** Keeps each programme's list of places. Idempotent: a place is a key of its programme's list. */
@Component
@ProcessingGroup(PlaceListProjection.PROCESSING_GROUP)
public class PlaceListProjection {

    public static final String PROCESSING_GROUP = "place-list";

    private final PlaceLists lists;

    public PlaceListProjection(PlaceLists lists) {
        this.lists = lists;
    }

    @EventHandler
    void on(PlaceRegistered event) {
        lists.placeRegistered(event.programmeId(), event.placeId(), event.name(), event.registeredAt());
    }

    @ResetHandler
    void reset() {
        lists.clear();
    }
}
