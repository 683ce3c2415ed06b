package org.learninglog.query.view;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's documents take the shape a read from the collection gives, without a round trip through BSON each event. */
class StoredShapeOfChangedDocumentsTest {

    private final Codec<Document> codec = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    @Test
    void values_take_the_types_a_read_gives_back_and_equal_the_codecs_round_trip() {
        Document document = new Document("_id", "a")
                .append("at", Instant.parse("2025-06-01T10:00:00Z"))
                .append("tags", List.of("x", "y"))
                .append("set", Set.of("z"))
                .append("map", Map.of("k", 1))
                .append("day", DayOfWeek.MONDAY)
                .append("count", 3L)
                .append("nested", new Document("list", new ArrayList<>(List.of(new Document("when", Instant.EPOCH)))));
        Document roundTrip = new RawBsonDocument(document, codec).decode(codec);

        Document shaped = new StoredShape(codec).of("a", document);

        assertThat(shaped).isEqualTo(roundTrip);
        assertThat(shaped.get("at")).isInstanceOf(Date.class);
        assertThat(shaped.getList("tags", String.class)).isInstanceOf(ArrayList.class);
        shaped.getList("tags", String.class).add("added"); // a later event may append
    }

    @Test
    void a_value_put_in_two_documents_or_twice_in_one_becomes_a_copy_of_its_own_in_each_place() {
        StoredShape shape = new StoredShape(codec);
        Document line = new Document("text", "once");
        Document page = new Document("_id", "page").append("entries", new ArrayList<>(List.of(line)));
        Document facet = new Document("_id", "facet").append("entries", new ArrayList<>(List.of(line)))
                .append("again", line);

        shape.of("page", page);
        shape.of("facet", facet);
        line.put("text", "changed"); // as a later event could change the page's line

        assertThat(page.getList("entries", Document.class).get(0).getString("text")).isEqualTo("changed");
        assertThat(facet.getList("entries", Document.class).get(0).getString("text")).isEqualTo("once");
        assertThat(facet.get("again", Document.class).getString("text")).isEqualTo("once");
        assertThat(facet.get("again")).isNotSameAs(facet.getList("entries", Document.class).get(0));
    }

    @Test
    void a_document_shaped_again_after_a_later_event_keeps_its_own_values_in_place() {
        StoredShape shape = new StoredShape(codec);
        Document page = new Document("_id", "page").append("entries", new ArrayList<>(List.of(new Document("n", 1))));
        List<Document> entries = shape.of("page", page).getList("entries", Document.class);
        entries.add(new Document("n", 2).append("at", Instant.EPOCH));

        Document again = shape.of("page", page);

        assertThat(again.getList("entries", Document.class)).isSameAs(entries);
        assertThat(entries.get(1).get("at")).isEqualTo(Date.from(Instant.EPOCH));
    }

    /**
     * A log page's entries are only appended to ({@link AppendOnlyEntries}): a walk after a later event
     * takes the entries appended since, in their stored shape and copied if another document holds
     * them, and leaves the entries walked before as they are (an instant put into one of those, which
     * nothing does, is not turned into a date: that is what shows they were not walked again).
     */
    @Test
    void a_log_pages_entries_walked_once_take_only_those_appended_since_in_the_walks_after() {
        StoredShape shape = new StoredShape(codec);
        AppendOnlyEntries<Document> entries = new AppendOnlyEntries<>(List.of(new Document("n", 1).append("at", Instant.EPOCH)));
        Document page = new Document("_id", "page").append("entries", entries);
        shape.of("page", page);
        assertThat(entries.get(0).get("at")).isEqualTo(Date.from(Instant.EPOCH));

        Document line = new Document("n", 2).append("at", Instant.EPOCH);
        Document facet = shape.of("facet", new Document("_id", "facet").append("line", line)); // the line is the facet's first
        entries.add(line);
        entries.get(0).put("at", Instant.EPOCH); // walked before: left as it is
        shape.of("page", page);

        assertThat(page.get("entries")).isSameAs(entries);
        assertThat(entries.get(0).get("at")).isEqualTo(Instant.EPOCH);
        assertThat(entries.get(1)).isNotSameAs(facet.get("line")).isEqualTo(new Document("n", 2).append("at", Date.from(Instant.EPOCH)));
    }
}
