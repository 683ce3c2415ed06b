package org.learninglog.embedded;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replacement by string {@code _id} in a collection with only the {@code _id} index is put in place
 * without the server's general update ({@link BsonValuedCollection#updateDocuments}); a collection
 * with one more index takes the general path. Both are sent the same writes and must answer, store
 * and refuse alike.
 */
class ReplacementInPlaceTest {

    @Test
    void aReplacementInPlaceAnswersStoresAndRefusesAsTheServersGeneralUpdate(@TempDir Path folder) {
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> inPlace = client.getDatabase("t").getCollection("in_place");
            MongoCollection<Document> general = client.getDatabase("t").getCollection("general");
            general.createIndex(new Document("other", 1), new IndexOptions().unique(true).sparse(true));
            List<Function<MongoCollection<Document>, Object>> writes = List.of(
                    c -> { c.insertOne(new Document("_id", "a").append("n", 1).append("text", "first")); return "inserted"; },
                    c -> answer(c.replaceOne(eq("_id", "a"), new Document("n", 2).append("list", List.of(1, "two")))),
                    c -> answer(c.replaceOne(eq("_id", "a"), new Document("n", 2).append("list", List.of(1, "two")))), // the same again
                    c -> answer(c.replaceOne(eq("_id", "a"), new Document("_id", "a").append("n", 3))), // naming its own _id
                    c -> answer(c.replaceOne(eq("_id", "a"), new Document("_id", "b").append("n", 4))), // another _id
                    c -> answer(c.replaceOne(eq("_id", "a"), new Document("a.b", 5))),
                    c -> answer(c.replaceOne(eq("_id", "a"), new Document("nested", new Document("k.v", 5)))),
                    c -> answer(c.replaceOne(eq("_id", "a"), new Document("nested", new Document("$k", 5)))),
                    c -> answer(c.replaceOne(eq("_id", "absent"), new Document("n", 6))),
                    c -> answer(c.replaceOne(eq("_id", "upserted"), new Document("n", 7), new ReplaceOptions().upsert(true))),
                    c -> answer(c.replaceOne(eq("_id", "upserted"), new Document("n", 8).append("nested", new Document("k", "v")),
                            new ReplaceOptions().upsert(true))),
                    c -> c.bulkWrite(List.of(new ReplaceOneModel<>(eq("_id", "a"), new Document("n", 9)),
                            new ReplaceOneModel<>(eq("_id", "c"), new Document("n", 10), new ReplaceOptions().upsert(true)),
                            new ReplaceOneModel<>(eq("_id", "a"), new Document("n", 9)))).toString(),
                    c -> answer(c.replaceOne(eq("_id", 7), new Document("n", 11), new ReplaceOptions().upsert(true))),
                    c -> answer(c.replaceOne(eq("_id", 7), new Document("n", 12))));
            for (int i = 0; i < writes.size(); i++) {
                assertThat(outcome(writes.get(i), inPlace)).as("write %d", i).isEqualTo(outcome(writes.get(i), general));
                assertThat(inPlace.find().into(new ArrayList<>())).as("after write %d", i).isEqualTo(general.find().into(new ArrayList<>()));
            }
            assertThat(inPlace.find(eq("_id", "a")).first()).isEqualTo(new Document("_id", "a").append("n", 9));
            // Where they differ, the path in place was taken: the same fields in another order are a change
            // of the stored bytes, as MongoDB counts it; the general path compares them as maps.
            for (MongoCollection<Document> collection : List.of(inPlace, general)) {
                collection.replaceOne(eq("_id", "a"), new Document("x", 1).append("y", 2));
            }
            assertThat(inPlace.replaceOne(eq("_id", "a"), new Document("y", 2).append("x", 1)).getModifiedCount()).isEqualTo(1);
            assertThat(general.replaceOne(eq("_id", "a"), new Document("y", 2).append("x", 1)).getModifiedCount()).isZero();
        }
    }

    private static Object outcome(Function<MongoCollection<Document>, Object> write, MongoCollection<Document> collection) {
        try {
            return write.apply(collection);
        } catch (MongoException e) {
            return "refused " + e.getCode() + ": " + e.getMessage().replace(collection.getNamespace().getCollectionName(), "<collection>");
        } catch (RuntimeException e) { // an answer the driver cannot read (the server's, for some refusals)
            return "unreadable: " + e;
        }
    }

    private static String answer(UpdateResult result) {
        return result.getMatchedCount() + " matched, " + result.getModifiedCount() + " modified, upserted " + result.getUpsertedId();
    }
}
