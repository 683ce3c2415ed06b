package org.learninglog.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.store.MongoStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The command side's small lookup of what is registered: one document per programme, place,
 * funder, person, insight, practice and shared learning, keyed by {@code kind:id}. Command
 * handlers of one aggregate ask it about others. Every read is by exact {@code _id}.
 *
 * <p>{@link LookupUpdater} keeps it up to date from the events in the same thread as the command
 * that applied them, so the next command sees them. It is derived data: the events stay the record.
 *
 * <p>The writes for the events handled in one unit of work go to the store as one ordered bulk
 * write when it prepares to commit: one write (one file commit on the embedded store) however many
 * events a command, or an importer's batch of commands, applied.
 */
@Component
public class Lookup {

    static final String COLLECTION = "command_lookup";
    /** The unit of work's resource holding the writes not yet sent. */
    private static final String PENDING = Lookup.class.getName() + ".pending";
    /** The root unit of work's resource holding the programmes and places read, if it asked for that. */
    private static final String REMEMBERED = Lookup.class.getName() + ".remembered";

    public enum Kind { PROGRAMME, PLACE, FUNDER, PERSON, INSIGHT, PRACTICE, SHARED_LEARNING, ACTIVITY }

    private final MongoCollection<Document> entries;

    public Lookup(MongoStore store) {
        this.entries = store.database().getCollection(COLLECTION);
    }

    public Optional<RegisteredProgramme> programme(String programmeId) {
        return document(Kind.PROGRAMME, programmeId).map(doc -> {
            Document framework = doc.get("framework", Document.class);
            String begins = doc.getString("backfillFrom") != null ? doc.getString("backfillFrom") : doc.getString("startedOn");
            return new RegisteredProgramme(programmeId, new LearningFramework(framework.getList("principles", String.class),
                    framework.getList("themes", String.class), framework.getList("sources", String.class)),
                    begins == null ? null : LocalDate.parse(begins));
        });
    }

    public Optional<RegisteredSubject> find(Kind kind, String id) {
        return document(kind, id).map(doc -> new RegisteredSubject(id, doc.getString("programmeId"), doc.getString("placeId"),
                doc.getBoolean("closed", false), doc.getBoolean("mayBeQuoted", false),
                doc.getList("adaptations", String.class)));
    }

    /** Which of these ids of one kind are registered: one lookup of their exact keys. */
    public Set<String> registered(Kind kind, Collection<String> ids) {
        List<String> keys = ids.stream().map(id -> key(kind, id)).toList();
        Set<String> found = new HashSet<>();
        String prefix = key(kind, "");
        entries.find(in("_id", keys)).projection(new Document("_id", 1))
                .forEach(doc -> found.add(doc.getString("_id").substring(prefix.length())));
        return found;
    }

    /** Whether the command side knows of anything at all (the store is not empty for it). */
    public boolean isEmpty() {
        return entries.find().limit(1).first() == null;
    }

    private Optional<Document> document(Kind kind, String id) {
        if (id == null) {
            return Optional.empty();
        }
        Map<String, Document> remembered = remembered(kind);
        if (remembered != null) {
            Document known = remembered.get(key(kind, id));
            if (known != null) {
                return Optional.of(known);
            }
        }
        Document found = entries.find(eq("_id", key(kind, id))).first();
        if (remembered != null && found != null) {
            remembered.put(key(kind, id), found);
        }
        return Optional.ofNullable(found);
    }

    /**
     * A unit of work that sends many commands about one place (an import's batch) may ask for the
     * programmes and places it reads to be remembered until it ends ({@link #rememberReadsIn}): each
     * row would otherwise read the same two documents again.
     */
    public static void rememberReadsIn(UnitOfWork<?> unitOfWork) {
        unitOfWork.resources().put(REMEMBERED, new HashMap<String, Document>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Document> remembered(Kind kind) {
        if ((kind != Kind.PROGRAMME && kind != Kind.PLACE) || !CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (Map<String, Document>) CurrentUnitOfWork.get().root().resources().get(REMEMBERED);
    }

    /** Set, not replaced: the registration's day and the framework come from two events. */
    void programmeStarted(String programmeId, LocalDate startedOn) {
        write(new UpdateOneModel<>(eq("_id", key(Kind.PROGRAMME, programmeId)),
                Updates.combine(Updates.set("programmeId", programmeId), Updates.set("startedOn", startedOn.toString())),
                new UpdateOptions().upsert(true)));
    }

    void registerProgramme(String programmeId, LearningFramework framework) {
        write(new UpdateOneModel<>(eq("_id", key(Kind.PROGRAMME, programmeId)),
                Updates.combine(Updates.set("programmeId", programmeId), Updates.set("framework", framework(framework))),
                new UpdateOptions().upsert(true)));
    }

    void backfillAllowed(String programmeId, LocalDate from) {
        write(new UpdateOneModel<>(eq("_id", key(Kind.PROGRAMME, programmeId)), Updates.set("backfillFrom", from.toString())));
    }

    void frameworkChanged(String programmeId, LearningFramework framework) {
        write(new UpdateOneModel<>(eq("_id", key(Kind.PROGRAMME, programmeId)), Updates.set("framework", framework(framework))));
    }

    void register(Kind kind, String id, String programmeId, String placeId, boolean mayBeQuoted) {
        write(new ReplaceOneModel<>(eq("_id", key(kind, id)),
                new Document("_id", key(kind, id)).append("programmeId", programmeId).append("placeId", placeId)
                        .append("closed", false).append("mayBeQuoted", mayBeQuoted).append("adaptations", List.of()),
                new ReplaceOptions().upsert(true)));
    }

    void close(Kind kind, String id) {
        write(new UpdateOneModel<>(eq("_id", key(kind, id)), Updates.set("closed", true)));
    }

    void adaptationAdded(String practiceId, String adaptationId) {
        write(new UpdateOneModel<>(eq("_id", key(Kind.PRACTICE, practiceId)), Updates.addToSet("adaptations", adaptationId),
                new UpdateOptions()));
    }

    /** Now, or with the other writes of the unit of work when it prepares to commit. */
    private void write(WriteModel<Document> model) {
        if (!CurrentUnitOfWork.isStarted()) {
            entries.bulkWrite(List.of(model));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<WriteModel<Document>> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> {
                if (!writes.isEmpty()) {
                    entries.bulkWrite(writes, new BulkWriteOptions().ordered(true));
                }
            });
            return writes;
        });
        pending.add(model);
    }

    private static Document framework(LearningFramework framework) {
        return new Document("principles", framework.principles()).append("themes", framework.themes())
                .append("sources", framework.sources());
    }

    private static String key(Kind kind, String id) {
        return kind.name().toLowerCase() + ":" + id;
    }
}
