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

    @Test
    void documents_of_plain_values_of_every_shape_and_text_of_every_kind_are_encoded_as_the_codec_encodes_them() {
        java.util.Random random = new java.util.Random(20261204);
        for (int i = 0; i < 3_000; i++) {
            Document document = plainDocument(random, 0);
            assertThat(bytes.of(document)).as("document %d: %s", i, document).isEqualTo(new RawBsonDocument(document, codec));
        }
    }

    @Test
    void a_name_with_a_zero_in_it_is_refused_as_the_driver_refuses_it() {
        Document document = new Document("_id", "a").append("bad\u0000name", 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bytes.of(document)).isInstanceOf(org.bson.BsonSerializationException.class);
    }

    private static final List<String> TEXTS = List.of("", "plain", "café", "東京", "😀 emoji", "\uD83D", "\uDE00", "a\uD83Db",
            "\uD83D\uD83D\uDE00", "\uDE00\uD83D", "end\uD83D", "with \u0000 zero", "Résidents’ words");

    private static Document plainDocument(java.util.Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            String name = TEXTS.get(random.nextInt(TEXTS.size())).replace("\u0000", "") + f;
            document.append(name, plainValue(random, depth));
        }
        return document;
    }

    private static Object plainValue(java.util.Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 11 : 9)) {
            case 0 -> null;
            case 1 -> TEXTS.get(random.nextInt(TEXTS.size()));
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextDouble() * 1e6;
            case 5 -> random.nextBoolean();
            case 6 -> new Date(random.nextLong() % 4_000_000_000_000L);
            case 7 -> "x".repeat(random.nextInt(3_000));
            case 8 -> (long) random.nextInt(100);
            case 9 -> plainDocument(random, depth + 1);
            default -> {
                List<Object> list = new java.util.ArrayList<>();
                int items = random.nextInt(14);
                for (int i = 0; i < items; i++) {
                    list.add(plainValue(random, depth + 1));
                }
                yield list;
            }
        };
    }
}
