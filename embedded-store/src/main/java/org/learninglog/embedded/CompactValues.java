package org.learninglog.embedded;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How the embedded store writes its documents and index keys to the MVStore file.
 *
 * <p>The H2 backend leaves both to H2's {@link ObjectDataType}, which knows neither type and so
 * falls back to Java serialization: for every comparison in an index lookup (both keys) and for
 * every entry of every page a commit rewrites. JFR showed that to be most of the time of an
 * append and of an exact-key read. Here documents are written as BSON and index keys element by
 * element, and keys are compared by the server's own value order. Other values are written as
 * before.
 */
final class CompactValues extends ObjectDataType {

    /** Tags H2's ObjectDataType does not use (it stops at 119). */
    private static final byte TAG_BSON_DOCUMENT = 123;
    private static final byte TAG_KEY_VALUE = 124;
    private static final ValueComparator VALUES = ValueComparator.asc();

    static final CompactValues INSTANCE = new CompactValues();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int shared = Math.min(left.size(), right.size());
            for (int i = 0; i < shared; i++) {
                int order = VALUES.compare(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof Document document) {
            return 64 + 48 * document.size() + estimate(document);
        }
        if (value instanceof KeyValue key) {
            int memory = 24;
            for (Object element : key) {
                memory += getMemory(element);
            }
            return memory;
        }
        return super.getMemory(value);
    }

    /** A cheap guess at a document's size (strings dominate ours), without encoding it. */
    private static int estimate(Object value) {
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof Document document) {
            int sum = 0;
            for (Object child : document.values()) {
                sum += 16 + estimate(child);
            }
            return sum;
        }
        if (value instanceof List<?> list) {
            int sum = 0;
            for (Object child : list) {
                sum += 16 + estimate(child);
            }
            return sum;
        }
        return 16;
    }

    /**
     * The BSON of documents written lately, by identity. A commit rewrites whole pages, so
     * without it each append encoded again every document of the page it lands on (measured: 40 %
     * of an append). A stored document is only ever changed in place by an update, which
     * {@link #forget forgets} it before it is put back; weak keys let a page's documents go
     * with the page.
     *
     * <p>Its upkeep runs in the writing thread: handed to the common pool (Caffeine's default),
     * every append woke a thread of that pool, which a profile of appends showed costing more
     * than the encoding it saved. Documents read from the file are not put in: a replay would
     * churn the whole cache for pages that are seldom written again, and a page that is
     * rewritten after a read has its documents encoded once then.
     */
    private final Cache<Document, byte[]> encoded = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(32L << 20)
            .weigher((Document document, byte[] bytes) -> bytes.length)
            .executor(Runnable::run)
            .build();

    /** A stored document is about to change in place: its cached BSON is no longer its own. */
    void forget(Document document) {
        encoded.invalidate(document);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            byte[] bytes = encoded.get(document, CompactValues::encode);
            buffer.put(TAG_BSON_DOCUMENT).putVarInt(bytes.length).put(bytes);
        } else if (value instanceof KeyValue key) {
            buffer.put(TAG_KEY_VALUE).putVarInt(key.size());
            for (Object element : key) {
                write(buffer, element);
            }
        } else {
            super.write(buffer, value);
        }
    }

    /** The document's size in BSON, as stored. */
    static int encodedSize(Document document) {
        return encode(document).length;
    }

    private static byte[] encode(Document document) {
        return DocumentBson.encode(document);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get(buffer.position());
        if (tag == TAG_BSON_DOCUMENT) {
            buffer.get();
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        }
        if (tag == TAG_KEY_VALUE) {
            buffer.get();
            int size = DataUtils.readVarInt(buffer);
            List<Object> elements = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                elements.add(read(buffer));
            }
            return new KeyValue(elements);
        }
        return super.read(buffer);
    }
}
