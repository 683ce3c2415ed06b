package org.learninglog.query.view;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A store from before the place timeline and place list were views opens with both as they were. */
@ExtendWith(MongoStoreExtension.class)
class FirstSliceCollectionsTest {

    @Test
    void the_old_collections_are_handed_to_the_views_once_and_dropped(MongoStore store) {
        Document timeline = new Document("_id", "place-1").append("programmeId", "programme-1").append("name", "Riverside")
                .append("registeredAt", new Date(0)).append("entries", new Document("insight-1", new Document("text", "Noticed")
                        .append("tags", List.of()).append("happenedOn", null).append("recordedAt", new Date(1000))
                        .append("recordedBy", "member-7")));
        Document list = new Document("_id", "programme-1")
                .append("places", new Document("place-1", new Document("name", "Riverside").append("registeredAt", new Date(0))));
        store.database().getCollection("place_timelines").insertOne(timeline);
        store.database().getCollection("place_lists").insertOne(list);
        ViewGenerations generations = new ViewGenerations(store.database());

        new FirstSliceCollections(store.database(), generations).handOver();
        new FirstSliceCollections(store.database(), generations).handOver();

        assertThat(generations.liveCollection("place-timeline").find().into(new ArrayList<>())).containsExactly(timeline);
        assertThat(generations.liveCollection("place-list").find().into(new ArrayList<>())).containsExactly(list);
        assertThat(store.database().listCollectionNames().into(new ArrayList<>()))
                .doesNotContain("place_timelines", "place_lists");
    }

    @Test
    void a_store_without_them_is_left_alone(MongoStore store) {
        ViewGenerations generations = new ViewGenerations(store.database());

        new FirstSliceCollections(store.database(), generations).handOver();

        assertThat(generations.liveCollection("place-timeline").countDocuments()).isZero();
    }
}
