package org.learninglog.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EmbeddedMongoTest {

    @Test
    void concurrentIncrementsOfOneCounterNeverReturnTheSameValue(@TempDir Path folder) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> counters = client.getDatabase("t").getCollection("counters");
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        Document after = counters.findOneAndUpdate(eq("_id", "c"), Updates.inc("value", 1L),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        assertThat(seen.add(after.getLong("value"))).as("value %s handed out twice", after).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertThat(seen).hasSize(1600);
        }
    }

    /** The size collStats answers is counted when asked, so it follows inserts, updates and deletes though no write keeps it. */
    @Test
    void collectionStatisticsCountTheStoredBytesWhenAsked(@TempDir Path folder) {
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> sized = client.getDatabase("t").getCollection("sized");
            sized.insertOne(new Document("_id", "a").append("text", "x".repeat(1000)));
            sized.insertOne(new Document("_id", "b").append("text", "y".repeat(500)));
            assertThat(size(client)).isBetween(1500, 1600);
            sized.replaceOne(eq("_id", "a"), new Document("_id", "a").append("text", "z".repeat(3000)));
            assertThat(size(client)).isBetween(3500, 3600);
            sized.deleteOne(eq("_id", "b"));
            assertThat(size(client)).isBetween(3000, 3100);
        }
    }

    private static int size(MongoClient client) {
        return client.getDatabase("t").runCommand(new Document("collStats", "sized")).get("size", Number.class).intValue();
    }

    /**
     * A separate JVM writes to the embedded store and is killed with SIGKILL right after the
     * driver acknowledged its last write; every acknowledged document must be in the file.
     */
    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine(@TempDir Path folder) throws Exception {
        Process writer = writer(folder, "500");
        long acknowledged = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Long.parseLong(line.substring(4));
                    if (acknowledged == 500) {
                        break;
                    }
                }
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the store
            writer.waitFor();
        }
        assertThat(acknowledged).isEqualTo(500);
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(reopened.uri())) {
            assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isEqualTo(500);
        }
    }

    /**
     * A write that does not wait for the journal ({@code j: false}, as a view rebuild's bulks) is
     * answered before it is committed; it is in the file once a journaled write follows it, or
     * after the next housekeeping round, even if the process is then killed with SIGKILL.
     */
    @Test
    void writesNotWaitingForTheJournalAreDurableOnceAJournaledWriteFollowsOrWithinARound(@TempDir Path folder) throws Exception {
        Process writer = writer(folder, "300", "unjournaled");
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("ACK ")) {
                // the writer's progress
            }
            writer.destroyForcibly();
            writer.waitFor();
            assertThat(line).isEqualTo("ACK settled");
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(reopened.uri())) {
            assertThat(client.getDatabase("t").getCollection("before").countDocuments()).as("followed by a journaled write").isEqualTo(300);
            assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("t").getCollection("after").countDocuments()).as("committed by housekeeping").isEqualTo(300);
        }
    }

    /**
     * Documents inserted as the bytes the client encoded (a rebuild's, without the wire) are the
     * documents an insert over the wire stores: found by {@code _id} and by a scan, unique by
     * {@code _id} (a second one is refused as the server refuses it), replaced in place after, and in
     * the file once a journaled write follows them; replaced as their bytes, in place or inserted when
     * not there. One with an {@code _id} that is not a string takes
     * the general path and is stored all the same.
     */
    @Test
    void documentsInsertedAsTheirEncodedBytesAreStoredAsInsertsOverTheWireAre(@TempDir Path folder) {
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            documents.add(bytes(new Document("_id", "journey:" + i).append("steps", List.of(new Document("n", i), "text é"))));
        }
        documents.add(bytes(new Document("_id", 7L).append("kind", "not a string id")));
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            server.insertEncoded("t", "fresh", documents);
            MongoCollection<Document> fresh = client.getDatabase("t").getCollection("fresh");
            assertThat(fresh.countDocuments()).isEqualTo(2_501);
            assertThat(fresh.find(eq("_id", "journey:1234")).first())
                    .isEqualTo(new Document("_id", "journey:1234").append("steps", List.of(new Document("n", 1234), "text é")));
            assertThat(fresh.find(eq("_id", 7L)).first()).containsEntry("kind", "not a string id");
            assertThatThrownBy(() -> server.insertEncoded("t", "fresh", List.of(bytes(new Document("_id", "journey:5")))))
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> fresh.insertOne(new Document("_id", "journey:6"))).hasMessageContaining("duplicate key");
            fresh.replaceOne(eq("_id", "journey:7"), new Document("_id", "journey:7").append("steps", List.of()));
            // replaced as their bytes: one in place, one not there yet inserted (an upsert)
            server.replaceEncoded("t", "fresh", List.of(bytes(new Document("_id", "journey:8").append("steps", List.of("again"))),
                    bytes(new Document("_id", "journey:new").append("steps", List.of()))));
            assertThat(fresh.find(eq("_id", "journey:8")).first()).containsEntry("steps", List.of("again"));
            assertThat(fresh.countDocuments()).isEqualTo(2_502);
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "journaled"));
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> fresh = client.getDatabase("t").getCollection("fresh");
            assertThat(fresh.countDocuments()).isEqualTo(2_502);
            assertThat(fresh.find(eq("_id", "journey:7")).first()).containsEntry("steps", List.of());
            assertThat(fresh.find(eq("_id", "journey:8")).first()).containsEntry("steps", List.of("again"));
            assertThat(fresh.find(Filters.gte("steps.n", 2_498)).into(new ArrayList<>())).hasSize(2);
        }
    }

    private static byte[] bytes(Document document) {
        org.bson.RawBsonDocument raw = org.bson.RawBsonDocument.parse(document.toJson());
        byte[] copy = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(copy);
        return copy;
    }

    private static Process writer(Path folder, String... arguments) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                AcknowledgedWriter.class.getName(), folder.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * The server changes a stored document in place when it updates it; the store file must get
     * the new content, not the bytes it wrote for the document before (they are kept to save
     * encoding a page's documents again on every commit).
     */
    @Test
    void documentsUpdatedInPlaceAreStoredWithTheirNewContent(@TempDir Path folder) {
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> notes = client.getDatabase("t").getCollection("notes");
            for (int i = 0; i < 50; i++) {
                notes.insertOne(new Document("_id", i).append("version", 0).append("text", "first words " + i));
            }
            for (int version = 1; version <= 5; version++) {
                for (int i = 0; i < 50; i++) {
                    notes.updateOne(eq("_id", i), Updates.combine(Updates.set("version", version),
                            Updates.set("text", "words of version " + version + " for " + i)));
                }
            }
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(reopened.uri())) {
            for (Document note : client.getDatabase("t").getCollection("notes").find()) {
                assertThat(note.getInteger("version")).as("note %s", note).isEqualTo(5);
                assertThat(note.getString("text")).isEqualTo("words of version 5 for " + note.getInteger("_id"));
            }
            assertThat(client.getDatabase("t").getCollection("notes").countDocuments()).isEqualTo(50);
        }
    }

    /**
     * A lookup of a list of {@code _id}s is answered from the index without the server's check of
     * each document against the list; it must answer exactly what the full check answers.
     */
    @Test
    void aLookupOfAListOfIdsAnswersWhatTheFullMatchAnswers(@TempDir Path folder) {
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
            for (long position = 1; position <= 300; position++) {
                events.insertOne(new Document("_id", position).append("n", (int) (position % 3) + 1));
            }
            events.insertOne(new Document("_id", "counter").append("n", 0));
            List<Object> wanted = new ArrayList<>(List.of(250L, 3L, 999L, 7, 12.0, "counter", "absent"));
            for (long position = 100; position < 356; position++) {
                wanted.add(position);
            }
            var byIndex = Filters.in("_id", wanted);
            // A second condition keeps the server off the index: it scans and checks every document.
            var byScan = Filters.and(Filters.in("_id", wanted), Filters.exists("n"));

            assertThat(events.find(byIndex).into(new ArrayList<>())).hasSize(205)
                    .containsExactlyInAnyOrderElementsOf(events.find(byScan).into(new ArrayList<>()));
            assertThat(events.find(byIndex).sort(Sorts.descending("_id")).limit(5).projection(Projections.include("_id")).into(new ArrayList<>()))
                    .isEqualTo(events.find(byScan).sort(Sorts.descending("_id")).limit(5).projection(Projections.include("_id")).into(new ArrayList<>()));
            assertThat(events.countDocuments(byIndex)).isEqualTo(205);
        }
    }

    /**
     * The {@code _id} index finds a string id's key by a shortcut ({@link UniqueKeyIndex}), other ids
     * by the server's general path: both refuse a second document with the same id, find, replace and
     * delete by it, and are found again after a restart; so is a unique index on other keys.
     */
    @Test
    void everyIdIsUniqueWhetherAStringOrNot(@TempDir Path folder) {
        List<Object> ids = List.of("place:1", "", "ünïcödé", 7, 8.5, new Document("k", "v"), new org.bson.types.ObjectId());
        List<Object> again = new ArrayList<>(ids);
        again.addAll(List.of(7L, 7.0)); // the same id as 7, as in MongoDB
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> views = client.getDatabase("t").getCollection("views");
            views.createIndex(new Document("place", 1).append("n", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (Object id : ids) {
                views.insertOne(new Document("_id", id).append("place", String.valueOf(id)).append("n", 1));
            }
            for (Object id : again) {
                assertThatThrownBy(() -> views.insertOne(new Document("_id", id).append("place", "other").append("n", 2)))
                        .as("a second %s", id).isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
                assertThat(views.find(eq("_id", id)).first()).as("%s", id).isNotNull();
            }
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "place:2").append("place", "place:1").append("n", 1)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
            views.replaceOne(eq("_id", "place:1"), new Document("place", "place:1").append("n", 2));
            views.deleteOne(eq("_id", ""));
            views.insertOne(new Document("_id", "").append("place", "again").append("n", 1));
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> views = client.getDatabase("t").getCollection("views");
            assertThat(views.find(eq("_id", "place:1")).first().getInteger("n")).isEqualTo(2);
            assertThat(views.find(eq("_id", "")).first().getString("place")).isEqualTo("again");
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "place:1")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("E11000");
            assertThat(views.countDocuments()).isEqualTo(ids.size());
        }
    }

    /** The writer process of {@link #everyAcknowledgedWriteSurvivesKillMinusNine}. */
    public static final class AcknowledgedWriter {
        public static void main(String[] args) throws Exception {
            EmbeddedMongo server = EmbeddedMongo.start(Path.of(args[0]), 0, Layouts.PLAIN);
            MongoClient client = MongoClients.create(server.uri());
            int count = Integer.parseInt(args[1]);
            if (args.length > 2 && args[2].equals("unjournaled")) {
                var unjournaled = com.mongodb.WriteConcern.W1.withJournal(false);
                for (int i = 1; i <= count; i++) {
                    client.getDatabase("t").getCollection("before").withWriteConcern(unjournaled).insertOne(new Document("_id", i));
                }
                client.getDatabase("t").getCollection("c").insertOne(new Document("_id", 1));
                for (int i = 1; i <= count; i++) {
                    client.getDatabase("t").getCollection("after").withWriteConcern(unjournaled).insertOne(new Document("_id", i));
                }
                // no write of its own follows: the housekeeping round commits them
                try {
                    await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !server.hasUncommittedWrites());
                    System.out.println("ACK settled");
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    System.out.println("ACK not settled in 10 s");
                }
                System.out.flush();
                Thread.sleep(60_000); // wait to be killed
            }
            for (int i = 1; i <= count; i++) {
                client.getDatabase("t").getCollection("c").insertOne(new Document("_id", i));
                System.out.println("ACK " + i);
                System.out.flush();
            }
            Thread.sleep(60_000); // wait to be killed
        }
    }
}
