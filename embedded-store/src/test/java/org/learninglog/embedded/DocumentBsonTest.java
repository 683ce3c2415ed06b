package org.learninglog.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored BSON is the server's encoder's, byte for byte, for documents of every shape and text of
 * every kind; and a stored document reads back as the server's decoder reads it.
 */
class DocumentBsonTest {

    private final Random random = new Random(20261203);

    @Test
    void writesWhatTheServersEncoderWrites() {
        for (int i = 0; i < 3_000; i++) {
            Document document = document(0);
            byte[] ours = DocumentBson.encode(document);
            assertThat(ours).as("document %d: %s", i, document).isEqualTo(servers(document));
        }
    }

    @Test
    void readsWhatTheServersDecoderReads() {
        for (int i = 0; i < 3_000; i++) {
            int n = i;
            byte[] bytes = DocumentBson.encode(document(0));
            Document servers;
            try {
                servers = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
            } catch (IllegalArgumentException twoKeysTheSame) { // surrogates out of pairs are written as '?'
                assertThatThrownBy(() -> DocumentBson.decode(bytes)).as("document %d", n).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            Document ours = DocumentBson.decode(bytes);
            assertThat(ours).as("document %d", i).isEqualTo(servers);
            assertThat(ours.toString()).as("document %d, in order", i).isEqualTo(servers.toString());
            assertThat(DocumentBson.encode(ours)).as("document %d, written again", i).isEqualTo(servers(servers));
        }
    }

    @Test
    void refusesBytesThatAreNotOneWholeDocument() {
        byte[] bytes = DocumentBson.encode(new Document("_id", "a").append("list", List.of("b", 1)));
        assertThatThrownBy(() -> DocumentBson.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> DocumentBson.decode(java.util.Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] cut = bytes.clone();
        cut[cut.length - 1] = 7;
        assertThatThrownBy(() -> DocumentBson.decode(cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTextAsJavaDoesIncludingSurrogatesOutOfPairs() {
        for (String text : List.of("", "plain", "café", "東京", "😀 emoji", "\uD83D", "\uDE00", "a\uD83Db", "\uD83D\uD83D\uDE00", "\uDE00\uD83D",
                "\uD83Dé", "end\uD83D")) {
            Document document = new Document(text, text).append("list", List.of(text, text));
            assertThat(DocumentBson.encode(document)).as(text).isEqualTo(servers(document));
        }
    }

    @Test
    void aLargeDocumentAndAnotherAfterIt() {
        Document large = new Document("_id", "large").append("text", "x".repeat(3 << 20));
        assertThat(DocumentBson.encode(large)).isEqualTo(servers(large));
        Document small = new Document("_id", "small");
        assertThat(DocumentBson.encode(small)).isEqualTo(servers(small));
    }

    private static byte[] servers(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    private Document document(int depth) {
        Document document = new Document();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            document.put(text(), value(depth));
        }
        return document;
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth < 3 ? 13 : 11);
        return switch (kind) {
            case 0 -> text();
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble();
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6 -> Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
            case 7 -> new ObjectId();
            case 8 -> UUID.randomUUID();
            case 9 -> new BinData(text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case 10 -> new Decimal128(random.nextLong(), random.nextLong() & 0x3FFFFFFFFFFFFFFFL);
            case 11 -> document(depth + 1);
            default -> list(depth + 1);
        };
    }

    private List<Object> list(int depth) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(random.nextBoolean() ? 4 : 25);
        for (int i = 0; i < size; i++) {
            list.add(value(depth));
        }
        return list;
    }

    /** Mostly ASCII, then Latin, CJK, pairs of surrogates and surrogates on their own. */
    private String text() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> text.append((char) ('a' + random.nextInt(26)));
                case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> text.append((char) (0x800 + random.nextInt(0xD000 - 0x800)));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
                default -> text.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }
}
