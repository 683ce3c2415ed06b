package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** View documents only move forward, whoever writes them late (a processor that lost its segment's claim mid-batch). */
@ExtendWith(MongoStoreExtension.class)
class ReplacementsTest {

    private static Document at(String id, long position, String state) {
        return new Document("_id", id).append(ViewUpdate.POSITION, position).append("state", state);
    }

    @Test
    void a_late_write_of_an_earlier_event_leaves_a_newer_document_as_it_is_and_the_rest_of_its_bulk_is_written(MongoStore store) {
        MongoCollection<Document> view = store.database().getCollection("replacements");
        Replacements.write(view, List.of(at("head", 12, "after 12"), at("page", 3, "after 3")));

        Replacements.write(view, List.of(at("head", 10, "after 10, from a stalled process"), at("page", 10, "after 10"),
                at("new", 10, "first")));

        assertThat(view.find(eq("_id", "head")).first().getString("state")).isEqualTo("after 12");
        assertThat(view.find(eq("_id", "page")).first().getString("state")).isEqualTo("after 10");
        assertThat(view.find(eq("_id", "new")).first().getString("state")).isEqualTo("first");
    }

    @Test
    void in_order_too_a_refused_document_does_not_stop_the_ones_after_it(MongoStore store) {
        MongoCollection<Document> view = store.database().getCollection("replacements-in-order");
        Replacements.writeInOrder(view, List.of(at("head", 12, "after 12")));

        Replacements.writeInOrder(view, List.of(at("page", 10, "after 10"), at("head", 10, "after 10, late"),
                at("other", 10, "after 10")));

        assertThat(view.find(eq("_id", "head")).first().getString("state")).isEqualTo("after 12");
        assertThat(view.find(eq("_id", "page")).first().getString("state")).isEqualTo("after 10");
        assertThat(view.find(eq("_id", "other")).first().getString("state")).isEqualTo("after 10");
    }

    @Test
    void a_write_of_the_same_event_again_changes_nothing_and_is_not_an_error(MongoStore store) {
        MongoCollection<Document> view = store.database().getCollection("replacements-again");
        Replacements.write(view, List.of(at("head", 5, "after 5")));

        Replacements.write(view, List.of(at("head", 5, "after 5, redelivered")));

        assertThat(view.find(eq("_id", "head")).first().getString("state")).isEqualTo("after 5");
    }
}
