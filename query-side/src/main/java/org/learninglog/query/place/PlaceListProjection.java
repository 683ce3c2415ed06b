package org.learninglog.query.place;

import org.bson.Document;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.DispatchingProjection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

/**
 * Each programme's list of places: one document per programme, {@code _id} = programme id (the
 * shape of the collection it was kept in before it was a view), its places under
 * {@code places.<placeId>}. Nothing of one programme is in another's document.
 */
@Component
public class PlaceListProjection extends DispatchingProjection {

    public static final String NAME = "place-list";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(PlaceRegistered.class, PlaceListProjection::placeRegistered);

    public PlaceListProjection() {
        super(NAME, HANDLERS);
    }

    private static void placeRegistered(PlaceRegistered e, ViewEvent event, ViewUpdate view) {
        Document list = view.edit(e.programmeId());
        if (list != null) {
            new PlaceSummary(e.placeId(), e.name(), e.registeredAt()).writeTo(list);
        }
    }
}
