package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A log says the size of its pages; one begun before it did keeps pages of a hundred, and both read back whole. */
@ExtendWith(MongoStoreExtension.class)
class PagedLogPageSizeTest {

    @Test
    void a_new_log_has_pages_of_the_current_size_and_reads_back_in_order(MongoStore store) {
        MongoCollection<Document> collection = store.database().getCollection("paged_new");
        for (int i = 0; i < 60; i++) {
            append(collection, "log", i);
        }

        Document head = collection.find(new Document("_id", "log")).first();
        assertThat(head.getInteger(PagedLog.SIZE)).isEqualTo(PagedLog.PAGE_SIZE);
        assertThat(collection.find(new Document("_id", PagedLog.pageId("log", 60 / PagedLog.PAGE_SIZE))).first()).isNotNull();
        assertThat(read(collection, "log", 10, 60)).containsExactlyElementsOf(range(10, 60));
    }

    @Test
    void a_log_begun_with_pages_of_a_hundred_goes_on_filling_them(MongoStore store) {
        MongoCollection<Document> collection = store.database().getCollection("paged_first");
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(new Document("n", i).append(PagedLog.AT, Date.from(Instant.EPOCH)));
        }
        // as such a log was stored: no page size in its head
        collection.insertOne(new Document("_id", "old").append(PagedLog.COUNT, 30L).append(ViewUpdate.POSITION, 30L));
        collection.insertOne(new Document("_id", PagedLog.pageId("old", 0)).append(PagedLog.ENTRIES, entries).append(ViewUpdate.POSITION, 30L));

        for (int i = 30; i < 40; i++) {
            append(collection, "old", i);
        }

        assertThat(collection.countDocuments()).as("the head and its one page of a hundred").isEqualTo(2);
        assertThat(read(collection, "old", 0, 40)).containsExactlyElementsOf(range(0, 40));
    }

    private static void append(MongoCollection<Document> collection, String key, int n) {
        ViewUpdate update = new ViewUpdate(new DirectDocuments(collection), n + 1000);
        PagedLog.append(update, key, new Document("n", n).append(PagedLog.AT, Date.from(Instant.EPOCH)), null);
        update.commit();
    }

    private static List<Integer> read(MongoCollection<Document> collection, String key, long from, long to) {
        Function<Document, Integer> number = entry -> entry.getInteger("n");
        return new ViewReader(collection).entries(key, from, to, number, n -> true, Integer.MAX_VALUE);
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }
}
