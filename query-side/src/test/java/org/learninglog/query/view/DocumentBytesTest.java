package org.learninglog.query.view;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A document encoded by {@link DocumentBytes} is byte for byte what the driver's codec writes. */
class DocumentBytesTest {

    private final Codec<Document> codec = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
    private final DocumentBytes bytes = new DocumentBytes(MongoClientSettings.getDefaultCodecRegistry());

    @Test
    void every_kind_of_value_a_view_holds_is_encoded_as_the_codec_encodes_it() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 2);
        map.put("a", List.of("x"));
        Document document = new Document("_id", "page:p#3")
                .append("text", "Résidents’ words, \u0000-free")
                .append("int", 7).append("long", 1L << 40).append("double", 0.25).append("yes", true)
                .append("none", null)
                .append("date", new Date(1_700_000_000_000L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("decimal", new Decimal128(new BigDecimal("12.50")))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("nested", new Document("entries", Arrays.asList(new Document("pos", 3L), null, List.of(1, 2))))
                .append("map", map)
                .append("set", new LinkedHashSet<>(List.of("one", "two")))
                .append("instant", Instant.parse("2024-05-01T10:00:00Z"))
                .append("empty", new Document()).append("emptyList", List.of());

        assertThat(bytes.of(document)).isEqualTo(new RawBsonDocument(document, codec));
    }

    @Test
    void a_buffer_kept_between_documents_leaves_nothing_of_a_longer_one_in_a_shorter_one() {
        Document longer = new Document("_id", "a").append("lines", List.of("x".repeat(10_000), "y".repeat(5_000)));
        Document shorter = new Document("_id", "b").append("n", 1);

        RawBsonDocument first = bytes.of(longer);
        RawBsonDocument second = bytes.of(shorter);

        assertThat(first).isEqualTo(new RawBsonDocument(longer, codec));
        assertThat(second).isEqualTo(new RawBsonDocument(shorter, codec));
        assertThat(second.getByteBuffer().remaining()).isEqualTo(new RawBsonDocument(shorter, codec).getByteBuffer().remaining());
    }
}
