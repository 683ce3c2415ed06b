package org.learninglog.query.place;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

/**
 * The places of each programme: one document per programme, {@code _id} = programme id, its
 * places in a sub-document keyed by place id. A programme's list is read by {@code _id} alone,
 * and nothing of one programme is in another's document.
 */
@Component
public class PlaceLists {

    public static final String COLLECTION = "place_lists";
    private static final String PLACES = "places";

    private final MongoDatabase database;

    public PlaceLists(MongoDatabase readModelDatabase) {
        this.database = readModelDatabase;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    void placeRegistered(String programmeId, String placeId, String name, Instant registeredAt) {
        collection().updateOne(eq("_id", programmeId),
                set(PLACES + "." + placeId, new Document("name", name).append("registeredAt", Date.from(registeredAt))),
                new UpdateOptions().upsert(true));
    }

    void clear() {
        collection().drop();
    }

    /** The programme's places by name; none for a programme with no places. */
    public List<PlaceSummary> placesOf(String programmeId) {
        Document list = collection().find(eq("_id", programmeId)).first();
        List<PlaceSummary> places = new ArrayList<>();
        if (list != null && list.get(PLACES) instanceof Document stored) {
            stored.forEach((placeId, value) -> {
                Document place = (Document) value;
                places.add(new PlaceSummary(placeId, place.getString("name"), place.getDate("registeredAt").toInstant()));
            });
        }
        places.sort(Comparator.comparing(PlaceSummary::name, String.CASE_INSENSITIVE_ORDER).thenComparing(PlaceSummary::placeId));
        return places;
    }
}
