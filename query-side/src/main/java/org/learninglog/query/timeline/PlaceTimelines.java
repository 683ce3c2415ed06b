package org.learninglog.query.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The place timelines in MongoDB: one document per place, {@code _id} = place id, with the
 * place's name and its entries in a sub-document keyed by insight id. Every read and write is by
 * {@code _id} alone, an exact-key lookup on MongoDB and on the embedded server alike. Writing an
 * entry sets its key, so an event delivered twice leaves one entry, and no read-then-write race
 * is possible.
 */
@Component
public class PlaceTimelines {

    public static final String COLLECTION = "place_timelines";
    private static final String ENTRIES = "entries";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoDatabase database;

    public PlaceTimelines(MongoDatabase readModelDatabase) {
        this.database = readModelDatabase;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    void placeRegistered(String placeId, String programmeId, String name, Instant registeredAt) {
        // Upsert, so that the order of arrival does not matter either.
        collection().updateOne(eq("_id", placeId), combine(
                set("programmeId", programmeId), set("name", name), set("registeredAt", Date.from(registeredAt))), UPSERT);
    }

    void entryRecorded(String placeId, PlaceTimelineInsight entry) {
        Document document = new Document("text", entry.text())
                .append("tags", entry.tags())
                .append("happenedOn", entry.happenedOn() == null ? null : entry.happenedOn().toString())
                .append("recordedAt", Date.from(entry.recordedAt()))
                .append("recordedBy", entry.recordedBy());
        // Identifiers hold no '.' or '$' (the command side refuses them), so they are safe keys.
        collection().updateOne(eq("_id", placeId), set(ENTRIES + "." + entry.insightId(), document), UPSERT);
    }

    /**
     * An insight's text and labels as revised; its entry keeps when and by whom it was recorded.
     * A revision of an insight always comes after its recording (one aggregate's events arrive in
     * order), so the entry is there to change; setting the same values twice leaves the same entry.
     */
    void entryRevised(String placeId, String insightId, String text, List<String> tags) {
        String entry = ENTRIES + "." + insightId;
        collection().updateOne(eq("_id", placeId), combine(set(entry + ".text", text), set(entry + ".tags", tags)));
    }

    /** Forgets every timeline, before a replay rebuilds them. */
    void clear() {
        collection().drop();
    }

    public Optional<PlaceTimeline> find(String placeId) {
        return Optional.ofNullable(collection().find(eq("_id", placeId)).first()).map(PlaceTimelines::timeline);
    }

    /** Oldest first: by the day it happened (the day recorded when not said), then by when it was recorded. */
    static final Comparator<PlaceTimelineInsight> CHRONOLOGICAL = Comparator
            .comparing((PlaceTimelineInsight entry) -> entry.happenedOn() != null ? entry.happenedOn()
                    : LocalDate.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
            .thenComparing(PlaceTimelineInsight::recordedAt)
            .thenComparing(PlaceTimelineInsight::insightId);

    private static PlaceTimeline timeline(Document document) {
        List<PlaceTimelineInsight> entries = new ArrayList<>();
        Document stored = document.get(ENTRIES, Document.class);
        if (stored != null) {
            stored.forEach((insightId, value) -> entries.add(entry(insightId, (Document) value)));
        }
        entries.sort(CHRONOLOGICAL);
        Date registeredAt = document.getDate("registeredAt");
        return new PlaceTimeline(document.getString("_id"), document.getString("programmeId"), document.getString("name"),
                registeredAt == null ? null : registeredAt.toInstant(), List.copyOf(entries));
    }

    private static PlaceTimelineInsight entry(String insightId, Document document) {
        String happenedOn = document.getString("happenedOn");
        return new PlaceTimelineInsight(insightId, document.getString("text"), document.getList("tags", String.class, List.of()),
                happenedOn == null ? null : LocalDate.parse(happenedOn), document.getDate("recordedAt").toInstant(),
                document.getString("recordedBy"));
    }
}
