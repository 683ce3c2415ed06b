package org.learninglog.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.store.MongoStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The command side's small lookup of what is registered: one document per programme, place,
 * funder, person, insight, practice and shared learning, keyed by {@code kind:id}. Command
 * handlers of one aggregate ask it about others. Every read is by exact {@code _id}.
 *
 * <p>{@link LookupUpdater} keeps it up to date from the events in the same thread as the command
 * that applied them, so the next command sees them. It is derived data: the events stay the record.
 */
@Component
public class Lookup {

    static final String COLLECTION = "command_lookup";

    public enum Kind { PROGRAMME, PLACE, FUNDER, PERSON, INSIGHT, PRACTICE, SHARED_LEARNING, ACTIVITY }

    private final MongoCollection<Document> entries;

    public Lookup(MongoStore store) {
        this.entries = store.database().getCollection(COLLECTION);
    }

    public Optional<RegisteredProgramme> programme(String programmeId) {
        return document(Kind.PROGRAMME, programmeId).map(doc -> {
            Document framework = doc.get("framework", Document.class);
            return new RegisteredProgramme(programmeId, new LearningFramework(framework.getList("principles", String.class),
                    framework.getList("themes", String.class), framework.getList("sources", String.class)));
        });
    }

    public Optional<RegisteredSubject> find(Kind kind, String id) {
        return document(kind, id).map(doc -> new RegisteredSubject(id, doc.getString("programmeId"), doc.getString("placeId"),
                doc.getBoolean("closed", false), doc.getBoolean("mayBeQuoted", false),
                doc.getList("adaptations", String.class)));
    }

    /** Whether the command side knows of anything at all (the store is not empty for it). */
    public boolean isEmpty() {
        return entries.find().limit(1).first() == null;
    }

    private Optional<Document> document(Kind kind, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.find(eq("_id", key(kind, id))).first());
    }

    void registerProgramme(String programmeId, LearningFramework framework) {
        entries.replaceOne(eq("_id", key(Kind.PROGRAMME, programmeId)),
                new Document("_id", key(Kind.PROGRAMME, programmeId)).append("programmeId", programmeId)
                        .append("framework", framework(framework)),
                new ReplaceOptions().upsert(true));
    }

    void frameworkChanged(String programmeId, LearningFramework framework) {
        entries.updateOne(eq("_id", key(Kind.PROGRAMME, programmeId)), Updates.set("framework", framework(framework)));
    }

    void register(Kind kind, String id, String programmeId, String placeId, boolean mayBeQuoted) {
        entries.replaceOne(eq("_id", key(kind, id)),
                new Document("_id", key(kind, id)).append("programmeId", programmeId).append("placeId", placeId)
                        .append("closed", false).append("mayBeQuoted", mayBeQuoted).append("adaptations", List.of()),
                new ReplaceOptions().upsert(true));
    }

    void close(Kind kind, String id) {
        entries.updateOne(eq("_id", key(kind, id)), Updates.set("closed", true));
    }

    void adaptationAdded(String practiceId, String adaptationId) {
        entries.updateOne(eq("_id", key(Kind.PRACTICE, practiceId)), Updates.addToSet("adaptations", adaptationId),
                new UpdateOptions());
    }

    private static Document framework(LearningFramework framework) {
        return new Document("principles", framework.principles()).append("themes", framework.themes())
                .append("sources", framework.sources());
    }

    private static String key(Kind kind, String id) {
        return kind.name().toLowerCase() + ":" + id;
    }
}
