package org.learninglog.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored document's BSON, byte for byte what the server's {@link BsonEncoder} writes, with little
 * garbage: strings and keys go straight into a buffer kept by the thread, arrays are written as they
 * are, and only the finished bytes are a new array.
 *
 * <p>Why: the encoder turns every string and every key into a byte array of its own, every array
 * into a document keyed "0", "1", ..., and grows a new buffer for each document. An allocation
 * profile of a view rebuild put 6.4 of the store's 23.6 GB in encoding documents for the pages a
 * commit writes, and the collector took a third of the rebuild's time. Values of the other types
 * (dates, binaries, ids, decimals, ...) are written by the server's encoder itself.
 *
 * <p>And back: a stored document is decoded for every read ({@link StoredBson}), into the document
 * the server's {@link BsonDecoder} gives, with less on the way: the server's decoder copies every
 * string into an array of its own first, decodes an array as a document keyed "0", "1", ... and
 * then copies it into a list, and makes a lambda for every key it checks.
 */
final class DocumentBson {

    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte DOUBLE = 0x01;
    private static final byte DATE = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;
    /** A buffer that grew past this for one large document is not kept. */
    private static final int KEPT_CAPACITY = 1 << 20;
    /** On the heap, so that {@link #utf8} can write into its array. */
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));

    private DocumentBson() {
    }

    static byte[] encode(Map<String, ?> document) {
        ByteBuf buffer = BUFFER.get();
        buffer.clear();
        try {
            document(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.getBytes(0, bytes);
            return bytes;
        } finally {
            if (buffer.capacity() > KEPT_CAPACITY) {
                BUFFER.remove();
            }
        }
    }

    private static void document(Map<String, ?> document, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        for (Map.Entry<String, ?> entry : document.entrySet()) {
            element(entry.getKey(), entry.getValue(), out);
        }
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }

    private static void array(List<?> values, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            byte type = BsonEncoder.determineType(value);
            out.writeByte(type);
            digits(i, out);
            out.writeByte(0);
            value(type, value, out);
        }
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }

    /** An array's key: its index in decimal. */
    private static void digits(int index, ByteBuf out) {
        if (index >= 10) {
            digits(index / 10, out);
        }
        out.writeByte('0' + index % 10);
    }

    private static void element(String key, Object value, ByteBuf out) {
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        utf8(key, out);
        out.writeByte(0);
        value(type, value, out);
    }

    /** {@code value}, of the BSON {@code type} the server's encoder gives it (worked out once: a dozen type checks). */
    @SuppressWarnings("unchecked")
    private static void value(byte type, Object value, ByteBuf out) {
        if (type == STRING && value instanceof String text) {
            int start = out.writerIndex();
            out.writeIntLE(0);
            utf8(text, out);
            out.writeByte(0);
            out.setIntLE(start, out.writerIndex() - start - 4);
        } else if (type == DOCUMENT && value instanceof Map<?, ?> map) {
            document((Map<String, ?>) map, out);
        } else if (type == ARRAY && value instanceof List<?> list) {
            array(list, out);
        } else {
            BsonEncoder.encodeValue(type, value, out);
        }
    }

    /**
     * As {@code String.getBytes(UTF_8)} writes it: a surrogate not in a pair becomes '?'. Straight
     * into the buffer's array, room made once for the longest it can be (three bytes a char), rather
     * than a byte at a time through the buffer, each with its checks: encoding documents was 18.5 % of
     * the embedded server's time in a rebuild of the programme timeline, its largest share after its
     * commits.
     */
    private static void utf8(String text, ByteBuf out) {
        int length = text.length();
        out.ensureWritable(length * 3);
        byte[] array = out.array();
        int start = out.arrayOffset() + out.writerIndex();
        int at = start;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                array[at++] = (byte) c;
            } else if (c < 0x800) {
                array[at++] = (byte) (0xC0 | c >> 6);
                array[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    array[at++] = (byte) (0xF0 | codePoint >> 18);
                    array[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    array[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    array[at++] = (byte) (0x80 | codePoint & 0x3F);
                } else {
                    array[at++] = '?';
                }
            } else {
                array[at++] = (byte) (0xE0 | c >> 12);
                array[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                array[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out.writerIndex(out.writerIndex() + at - start);
    }

    /** The document of stored bytes, as {@code BsonDecoder.decodeBson} gives it. */
    static Document decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        Document document = decodeDocument(in);
        if (in.isReadable()) {
            throw new IllegalArgumentException(in.readableBytes() + " bytes after the document");
        }
        return document;
    }

    private static Document decodeDocument(ByteBuf in) {
        int end = end(in);
        Document document = new Document();
        while (in.readerIndex() < end) {
            byte type = in.readByte();
            String key = cString(in);
            if (document.put(key, decodeValue(type, in)) != null) {
                throw new IllegalArgumentException("Duplicate key '" + key + "'");
            }
        }
        closing(in, end);
        return document;
    }

    private static List<Object> decodeArray(ByteBuf in) {
        int end = end(in);
        List<Object> values = new ArrayList<>();
        while (in.readerIndex() < end) {
            byte type = in.readByte();
            in.skipBytes(in.bytesBefore((byte) 0) + 1); // the index, which the order gives
            values.add(decodeValue(type, in));
        }
        closing(in, end);
        return values;
    }

    /** Reads a document's length: where its closing zero is. */
    private static int end(ByteBuf in) {
        int start = in.readerIndex();
        int length = in.readIntLE();
        if (length < 5 || start + length > in.writerIndex()) {
            throw new IllegalArgumentException("A document of " + length + " bytes where " + (in.writerIndex() - start) + " are left");
        }
        return start + length - 1;
    }

    private static void closing(ByteBuf in, int end) {
        if (in.readerIndex() != end || in.readByte() != 0) {
            throw new IllegalArgumentException("A document does not end where its length says");
        }
    }

    private static Object decodeValue(byte type, ByteBuf in) {
        return switch (type) {
            case STRING -> {
                int length = in.readIntLE();
                String text = in.toString(in.readerIndex(), length - 1, StandardCharsets.UTF_8);
                in.skipBytes(length - 1);
                if (in.readByte() != 0) {
                    throw new IllegalArgumentException("A string does not end where its length says");
                }
                yield text;
            }
            case DOCUMENT -> decodeDocument(in);
            case ARRAY -> decodeArray(in);
            case DOUBLE -> Double.longBitsToDouble(in.readLongLE());
            case INT32 -> in.readIntLE();
            case INT64 -> in.readLongLE();
            case DATE -> Instant.ofEpochMilli(in.readLongLE());
            case NULL -> null;
            default -> BsonDecoder.decodeValue(type, in);
        };
    }

    private static String cString(ByteBuf in) {
        int length = in.bytesBefore((byte) 0);
        if (length < 0) {
            throw new IllegalArgumentException("A key without its closing zero");
        }
        String key = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length + 1);
        return key;
    }
}
