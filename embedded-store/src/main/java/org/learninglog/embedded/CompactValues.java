package org.learninglog.embedded;

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

    /** Reads a document as a {@link Document}: for the tools that read a file (check, recovery) and for index keys. */
    static final CompactValues INSTANCE = new CompactValues(false);
    /** Reads a document as its {@link StoredBson}: for the server's collections (see there for why). */
    static final CompactValues KEEPING_BSON = new CompactValues(true);

    private final boolean keepsBson;

    private CompactValues(boolean keepsBson) {
        this.keepsBson = keepsBson;
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int shared = Math.min(left.size(), right.size());
            for (int i = 0; i < shared; i++) {
                int order = compareValues(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }

    /**
     * The server's order of two values; two strings (most keys: every string {@code _id}) compared
     * as it compares them, by {@link String#compareTo}, without its look at the types of both first,
     * which a profile of a view rebuild put at a tenth of its samples (every lookup in the index).
     */
    static int compareValues(Object a, Object b) {
        if (a instanceof String left && b instanceof String right) {
            return left.compareTo(right);
        }
        return VALUES.compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof StoredBson stored) {
            return 32 + stored.bytes().length;
        }
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

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof StoredBson stored) {
            buffer.put(TAG_BSON_DOCUMENT).putVarInt(stored.bytes().length).put(stored.bytes());
        } else if (value instanceof Document document) {
            byte[] bytes = DocumentBson.encode(document);
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

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get(buffer.position());
        if (tag == TAG_BSON_DOCUMENT) {
            buffer.get();
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return keepsBson ? new StoredBson(bytes) : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
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
