package org.learninglog.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a collection's documents are keyed in its map: by a sequence for a collection made now, by
 * {@code _id} for the event store's commits and counter (a recovery reads them so) and for every
 * collection of a file written before (see {@link KeyOrderedH2Database}).
 */
class StoreLayoutOfDocumentsTest {

    /**
     * {@code store-written-by-id.mv.db.gz}: a store file written by the build before documents were kept by
     * a sequence, gzipped. In database {@code t}: commits 1-20 in {@code events} and their counter; 40
     * documents in {@code views} inserted from {@code place:40} down to {@code place:1}, {@code place:7}
     * updated to version 2 and {@code place:13} deleted.
     */
    @Test
    void aFileWrittenBeforeOpensAsItIsAndItsCollectionsKeepTheirDocumentsById(@TempDir Path folder) throws IOException {
        try (InputStream gzipped = getClass().getResourceAsStream("/store-written-by-id.mv.db.gz")) {
            Files.copy(new GZIPInputStream(gzipped), folder.resolve(EmbeddedMongo.STORE_FILE));
        }
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoDatabase t = client.getDatabase("t");
            MongoCollection<Document> views = t.getCollection("views");
            assertThat(views.countDocuments()).isEqualTo(39);
            assertThat(views.find(eq("_id", "place:7")).first().getInteger("version")).isEqualTo(2);
            assertThat(views.find(eq("_id", "place:13")).first()).isNull();
            assertThat(views.find(Filters.in("_id", List.of("place:1", "place:13", "place:40"))).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("place:1", "place:40");
            views.insertOne(new Document("_id", "place:41").append("version", 1));
            views.replaceOne(eq("_id", "place:1"), new Document("version", 3));
            views.deleteOne(eq("_id", "place:2"));
            assertThat(t.getCollection("events").find(eq("_id", 5L)).first()).isNotNull();
            t.getCollection("fresh").insertOne(new Document("_id", "made now"));
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> views = client.getDatabase("t").getCollection("views");
            assertThat(views.countDocuments()).isEqualTo(39);
            assertThat(views.find(eq("_id", "place:1")).first().getInteger("version")).isEqualTo(3);
            assertThat(views.find(eq("_id", "place:41")).first()).isNotNull();
            assertThat(views.find(eq("_id", "place:2")).first()).isNull();
        }
        try (MVStore file = new MVStore.Builder().fileName(folder.resolve(EmbeddedMongo.STORE_FILE).toString()).readOnly().open()) {
            assertThat(keys(file, "t.views")).hasSize(39).allMatch(key -> key instanceof String);
            assertThat(keys(file, "t.events")).isEqualTo(numbers(1, 20));
            assertThat(keys(file, "t.fresh")).containsExactly(1L);
        }
    }

    /**
     * A collection made now keeps its documents in the order they came, each under the next number:
     * documents inserted under ids in no order go to the end of the map rather than among the others
     * (a commit rewrites each page of the map a write touched). Found by id, replaced, deleted, and
     * numbered on after a restart past the last one, as MongoDB gives them back: in the order inserted.
     */
    @Test
    void aCollectionMadeNowKeepsItsDocumentsInTheOrderTheyCame(@TempDir Path folder) {
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoDatabase t = client.getDatabase("t");
            MongoCollection<Document> views = t.getCollection("views");
            ids.forEach(id -> views.insertOne(new Document("_id", id).append("version", 1)));
            views.replaceOne(eq("_id", ids.get(10)), new Document("version", 2));
            views.deleteOne(eq("_id", ids.get(199))); // the last number: a restart numbers on from the one before
            for (long position = 1; position <= 3; position++) {
                t.getCollection("events").insertOne(new Document("_id", position).append("n", 1));
            }
            t.getCollection("counters").insertOne(new Document("_id", "events").append("value", 3L));
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> views = client.getDatabase("t").getCollection("views");
            views.insertOne(new Document("_id", "after the restart").append("version", 1));
            List<String> expected = new ArrayList<>(ids.subList(0, 199));
            expected.add("after the restart");
            assertThat(views.find().map(d -> d.getString("_id")).into(new ArrayList<>())).isEqualTo(expected);
            assertThat(views.find(eq("_id", ids.get(10))).first().getInteger("version")).isEqualTo(2);
            assertThat(views.find(Filters.in("_id", List.of(ids.get(0), ids.get(199), "after the restart"))).into(new ArrayList<>())).hasSize(2);
        }
        try (MVStore file = new MVStore.Builder().fileName(folder.resolve(EmbeddedMongo.STORE_FILE).toString()).readOnly().open()) {
            assertThat(keys(file, "t.views")).isEqualTo(numbers(1, 200)); // 200 was freed, then given to the one after the restart
            assertThat(keys(file, "t.events")).isEqualTo(numbers(1, 3));
            assertThat(keys(file, "t.counters")).containsExactly("events");
        }
    }

    private static List<Object> keys(MVStore file, String namespace) {
        MVMap<Object, Object> map = file.openMap(KeyOrderedH2Database.dataMapName(namespace),
                new MVMap.Builder<>().keyType(CompactValues.INSTANCE).valueType(CompactValues.INSTANCE));
        return new ArrayList<>(map.keySet());
    }

    private static List<Object> numbers(long from, long to) {
        List<Object> numbers = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
