package org.learninglog.query.view;

import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.BsonBinary;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.util.Date;
import java.util.Map;

/**
 * A view's document as the BSON the collection stores, the same bytes as the driver's
 * {@code DocumentCodec} writes, written by a walk over the values that knows the few types a view
 * holds (strings, numbers, booleans, dates, ids, sub-documents and lists).
 *
 * <p>Most documents, those of plain values only, are written straight into an array ({@link PlainBson});
 * the others through the driver's writer, as follows.
 *
 * <p>Why not the codec: it looks up the codec of every value's class in the codec registry, a
 * lookup that hashes a new cache key each time; a profile of a rebuild had half of the applying
 * thread's time in that encoding, most of it in those lookups. A value of another type is handed
 * to the codec, which writes it as before.
 */
public final class DocumentBytes {

    private static final EncoderContext CHILD = EncoderContext.builder().build();

    private final CodecRegistry registry;
    /** Kept between documents (one thread encodes): grown once to the largest, not again for each. */
    private final BasicOutputBuffer buffer = new BasicOutputBuffer(4096);
    /** What encodes most documents, those of plain values only. */
    private final PlainBson plain = new PlainBson();

    public DocumentBytes(CodecRegistry registry) {
        this.registry = registry;
    }

    /** {@code document} encoded (not thread-safe: one instance per thread). */
    public RawBsonDocument of(Document document) {
        byte[] plain = this.plain.encode(document);
        if (plain != null) {
            return new RawBsonDocument(plain);
        }
        buffer.truncateToPosition(0);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            document(writer, document);
        }
        return new RawBsonDocument(buffer.toByteArray());
    }

    private void document(BsonWriter writer, Map<?, ?> document) {
        writer.writeStartDocument();
        for (Map.Entry<?, ?> field : document.entrySet()) {
            writer.writeName(String.valueOf(field.getKey()));
            value(writer, field.getValue());
        }
        writer.writeEndDocument();
    }

    private void value(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Double number) {
            writer.writeDouble(number);
        } else if (value instanceof Boolean truth) {
            writer.writeBoolean(truth);
        } else if (value instanceof Map<?, ?> document) {
            document(writer, document);
        } else if (value instanceof Iterable<?> list) {
            writer.writeStartArray();
            for (Object item : list) {
                value(writer, item);
            }
            writer.writeEndArray();
        } else if (value instanceof Date date) {
            writer.writeDateTime(date.getTime());
        } else if (value instanceof ObjectId id) {
            writer.writeObjectId(id);
        } else if (value instanceof Decimal128 decimal) {
            writer.writeDecimal128(decimal);
        } else if (value instanceof Binary binary) {
            writer.writeBinaryData(new BsonBinary(binary.getType(), binary.getData()));
        } else {
            writeWithCodec(writer, value);
        }
    }

    /** Anything else (an instant, a UUID, an enum...) as the codec writes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeWithCodec(BsonWriter writer, Object value) {
        Codec codec = registry.get(value.getClass());
        CHILD.encodeWithChildContext(codec, writer, value);
    }
}
