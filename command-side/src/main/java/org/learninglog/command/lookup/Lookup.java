package org.learninglog.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
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
import java.util.function.UnaryOperator;

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
 *
 * <p>A batch of commands that build on each other (the demo's) is sent in one unit of work whose
 * events, and so whose writes here, reach the store only when it commits; its later commands must
 * still see what its earlier ones registered. Such a batch asks for a view of its own
 * ({@link #followBatchIn}): every read and write of the batch goes through it, and the sender hands
 * each command's events to the updater at once ({@link #ahead}), which changes only the view.
 */
@Component
public class Lookup {

    static final String COLLECTION = "command_lookup";
    /** The unit of work's resource holding the writes not yet sent. */
    private static final String PENDING = Lookup.class.getName() + ".pending";
    /** The root unit of work's resource holding the programmes and places read, if it asked for that. */
    private static final String REMEMBERED = Lookup.class.getName() + ".remembered";
    /** The root unit of work's resource holding every entry its batch read or wrote, as it stands for the batch. */
    private static final String VIEW = Lookup.class.getName() + ".view";
    /** Present in the root unit of work while events of its batch are handled ahead of its commit. */
    private static final String AHEAD = Lookup.class.getName() + ".ahead";

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

    /**
     * A unit of work that sends a batch of commands building on each other follows its own view
     * of the lookup: every entry the batch reads is read once, and every write of the batch changes
     * the view at once, so the batch's next command sees it. The next batch may follow the same view.
     */
    public static void followBatchIn(UnitOfWork<?> unitOfWork, BatchView view) {
        unitOfWork.root().resources().put(VIEW, view.entries);
    }

    /**
     * The entries a batch of commands, or a run of such batches one after the other (the demo's
     * load), read and wrote, as they stand for it. Like any read of the lookup it may miss what
     * another process writes meanwhile; it never misses what the batches themselves wrote.
     */
    public static final class BatchView {
        private final Map<String, Document> entries = new HashMap<>();
    }

    /**
     * Runs {@code handling}, the updater given a command's events in the current batch (see
     * {@link #followBatchIn}) before the batch commits: its writes change only the batch's view.
     * The store gets them once, when the batch commits, from the updater as it runs after every
     * append (its writes are idempotent, so the view takes them again unchanged).
     */
    public static void ahead(Runnable handling) {
        Map<String, Object> resources = CurrentUnitOfWork.get().root().resources();
        if (!resources.containsKey(VIEW)) {
            throw new IllegalStateException("Events are handled ahead only in a batch that follows its own view of the lookup");
        }
        resources.put(AHEAD, Boolean.TRUE);
        try {
            handling.run();
        } finally {
            resources.remove(AHEAD);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Document> remembered(Kind kind) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, Object> resources = CurrentUnitOfWork.get().root().resources();
        if (resources.containsKey(VIEW)) {
            return (Map<String, Document>) resources.get(VIEW);
        }
        if (kind != Kind.PROGRAMME && kind != Kind.PLACE) {
            return null;
        }
        return (Map<String, Document>) resources.get(REMEMBERED);
    }

    /** Set, not replaced: the registration's day and the framework come from two events. */
    void programmeStarted(String programmeId, LocalDate startedOn) {
        String key = key(Kind.PROGRAMME, programmeId);
        write(key, new UpdateOneModel<>(eq("_id", key),
                Updates.combine(Updates.set("programmeId", programmeId), Updates.set("startedOn", startedOn.toString())),
                new UpdateOptions().upsert(true)),
                entry -> upserted(key, entry).append("programmeId", programmeId).append("startedOn", startedOn.toString()));
    }

    void registerProgramme(String programmeId, LearningFramework framework) {
        String key = key(Kind.PROGRAMME, programmeId);
        write(key, new UpdateOneModel<>(eq("_id", key),
                Updates.combine(Updates.set("programmeId", programmeId), Updates.set("framework", framework(framework))),
                new UpdateOptions().upsert(true)),
                entry -> upserted(key, entry).append("programmeId", programmeId).append("framework", framework(framework)));
    }

    void backfillAllowed(String programmeId, LocalDate from) {
        String key = key(Kind.PROGRAMME, programmeId);
        write(key, new UpdateOneModel<>(eq("_id", key), Updates.set("backfillFrom", from.toString())),
                entry -> updated(entry, "backfillFrom", from.toString()));
    }

    void frameworkChanged(String programmeId, LearningFramework framework) {
        String key = key(Kind.PROGRAMME, programmeId);
        write(key, new UpdateOneModel<>(eq("_id", key), Updates.set("framework", framework(framework))),
                entry -> updated(entry, "framework", framework(framework)));
    }

    /**
     * Every field of the entry set, upserted: the same as replacing it (no other field is ever
     * written to such an entry), but an update like the other writes, so that a unit of work's
     * writes go in one command (the driver splits an ordered bulk write where replaces and updates alternate).
     */
    void register(Kind kind, String id, String programmeId, String placeId, boolean mayBeQuoted) {
        String key = key(kind, id);
        Document entry = new Document("_id", key).append("programmeId", programmeId).append("placeId", placeId)
                .append("closed", false).append("mayBeQuoted", mayBeQuoted).append("adaptations", List.of());
        write(key, new UpdateOneModel<>(eq("_id", key), Updates.combine(Updates.set("programmeId", programmeId),
                        Updates.set("placeId", placeId), Updates.set("closed", false), Updates.set("mayBeQuoted", mayBeQuoted),
                        Updates.set("adaptations", List.of())), new UpdateOptions().upsert(true)),
                null, entry);
    }

    void close(Kind kind, String id) {
        String key = key(kind, id);
        write(key, new UpdateOneModel<>(eq("_id", key), Updates.set("closed", true)), entry -> updated(entry, "closed", true));
    }

    void adaptationAdded(String practiceId, String adaptationId) {
        String key = key(Kind.PRACTICE, practiceId);
        write(key, new UpdateOneModel<>(eq("_id", key), Updates.addToSet("adaptations", adaptationId), new UpdateOptions()),
                entry -> {
                    if (entry == null) {
                        return null;
                    }
                    List<String> adaptations = new ArrayList<>(entry.getList("adaptations", String.class, List.of()));
                    if (!adaptations.contains(adaptationId)) {
                        adaptations.add(adaptationId);
                    }
                    return new Document(entry).append("adaptations", adaptations);
                });
    }

    /** The entry with a field set, as an update that upserts leaves it. */
    private static Document upserted(String key, Document entry) {
        return entry == null ? new Document("_id", key) : new Document(entry);
    }

    /** The entry with a field set, as an update that does not upsert leaves it (none stays none). */
    private static Document updated(Document entry, String field, Object value) {
        return entry == null ? null : new Document(entry).append(field, value);
    }

    /**
     * Now, or with the other writes of the unit of work when it prepares to commit; in a batch that
     * follows its own view, the view changes too ({@code change} makes the entry as the write leaves
     * it), and only the view while the batch's events are handled ahead of its commit.
     */
    private void write(String key, WriteModel<Document> model, UnaryOperator<Document> change) {
        write(key, model, change, null);
    }

    /** {@code whole}, when not null, is the entry as the write leaves it, whatever it was before. */
    private void write(String key, WriteModel<Document> model, UnaryOperator<Document> change, Document whole) {
        if (!CurrentUnitOfWork.isStarted()) {
            entries.bulkWrite(List.of(model));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Object> batch = unitOfWork.root().resources();
        @SuppressWarnings("unchecked")
        Map<String, Document> view = (Map<String, Document>) batch.get(VIEW);
        if (view != null) {
            // an entry the batch has not read yet is read once, unless the write sets it whole
            Document after = whole != null ? new Document(whole)
                    : change.apply(view.containsKey(key) ? view.get(key) : entries.find(eq("_id", key)).first());
            if (after == null) {
                view.remove(key);
            } else {
                view.put(key, after);
            }
            if (batch.containsKey(AHEAD)) {
                return;
            }
        }
        List<WriteModel<Document>> pending = unitOfWork.getOrComputeResource(PENDING, name -> {
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
