package org.learninglog.query.view;

import org.bson.BsonType;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A view's document written as BSON straight into an array, when it holds only the plain values most
 * documents do (strings, numbers, booleans, dates, nulls, sub-documents and lists): the same bytes as
 * the driver's {@code DocumentCodec}. {@link DocumentBytes} hands any other document to the driver's
 * writer.
 *
 * <p>Why: the driver's writer checks its state and the buffer's room for every name and value, and
 * writes a string a character at a time through its buffer; encoding the documents a rebuild writes
 * took a fifth of the applying thread of the programme timeline's rebuild at a million events.
 */
final class PlainBson {

    private static final byte DOUBLE = type(BsonType.DOUBLE);
    private static final byte STRING = type(BsonType.STRING);
    private static final byte DOCUMENT = type(BsonType.DOCUMENT);
    private static final byte ARRAY = type(BsonType.ARRAY);
    private static final byte BOOLEAN = type(BsonType.BOOLEAN);
    private static final byte DATE = type(BsonType.DATE_TIME);
    private static final byte NULL = type(BsonType.NULL);
    private static final byte INT32 = type(BsonType.INT32);
    private static final byte INT64 = type(BsonType.INT64);
    /** Not a BSON type: a value left to the driver. */
    private static final byte OTHER = 0;
    /** A buffer grown past this for one large document is not kept. */
    private static final int KEPT_CAPACITY = 1 << 20;

    /** Kept between documents (one thread encodes). */
    private byte[] buffer = new byte[4096];
    private int at;

    private static byte type(BsonType type) {
        return (byte) type.getValue();
    }

    /** The BSON of {@code document}, or {@code null} if it holds a value of another kind (or a name the driver refuses). */
    byte[] encode(Map<?, ?> document) {
        at = 0;
        try {
            return document(document) ? Arrays.copyOf(buffer, at) : null;
        } finally {
            if (buffer.length > KEPT_CAPACITY) {
                buffer = new byte[4096];
            }
        }
    }

    private boolean document(Map<?, ?> document) {
        int start = reserveLength();
        for (Map.Entry<?, ?> field : document.entrySet()) {
            Object value = field.getValue();
            byte type = typeOf(value);
            if (type == OTHER) {
                return false;
            }
            room(1);
            buffer[at++] = type;
            if (!name(String.valueOf(field.getKey())) || !value(type, value)) {
                return false;
            }
        }
        return close(start);
    }

    private boolean array(Iterable<?> values) {
        int start = reserveLength();
        int index = 0;
        for (Object value : values) {
            byte type = typeOf(value);
            if (type == OTHER) {
                return false;
            }
            room(12);
            buffer[at++] = type;
            digits(index++);
            buffer[at++] = 0;
            if (!value(type, value)) {
                return false;
            }
        }
        return close(start);
    }

    private boolean value(byte type, Object value) {
        if (type == STRING) {
            int start = reserveLength();
            utf8((String) value);
            room(1);
            buffer[at++] = 0;
            int32(start, at - start - 4);
        } else if (type == INT32) {
            int32((Integer) value);
        } else if (type == INT64) {
            int64((Long) value);
        } else if (type == DOUBLE) {
            int64(Double.doubleToRawLongBits((Double) value));
        } else if (type == BOOLEAN) {
            room(1);
            buffer[at++] = (byte) ((Boolean) value ? 1 : 0);
        } else if (type == DATE) {
            int64(((Date) value).getTime());
        } else if (type == DOCUMENT) {
            return document((Map<?, ?>) value);
        } else if (type == ARRAY) {
            return array((Iterable<?>) value);
        } // NULL: the type says it all
        return true;
    }

    /** The type the codec writes {@code value} as, for the kinds written here. */
    private static byte typeOf(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof Integer) {
            return INT32;
        } else if (value instanceof Long) {
            return INT64;
        } else if (value instanceof Map<?, ?>) {
            return DOCUMENT;
        } else if (value instanceof List<?>) {
            return ARRAY;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Date) {
            return DATE;
        }
        return OTHER; // a set and any other iterable too: the codec's order is theirs, and they are rare
    }

    /** A name as a C string; {@code false} for one with a zero in it, which the driver refuses (and says why). */
    private boolean name(String name) {
        if (name.indexOf(0) >= 0) {
            return false;
        }
        utf8(name);
        room(1);
        buffer[at++] = 0;
        return true;
    }

    /**
     * As the driver writes a string: by code point, a surrogate not in a pair as the three bytes of
     * its own value (where Java's own encoder writes '?').
     */
    private void utf8(String text) {
        int length = text.length();
        room(length * 3);
        byte[] out = buffer;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
                i++;
                continue;
            }
            int codePoint = Character.codePointAt(text, i);
            if (codePoint < 0x800) {
                out[at++] = (byte) (0xC0 | codePoint >> 6);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (codePoint < 0x10000) {
                out[at++] = (byte) (0xE0 | codePoint >> 12);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            }
            i += Character.charCount(codePoint);
        }
    }

    /** An array's key: its index in decimal. */
    private void digits(int index) {
        if (index >= 10) {
            digits(index / 10);
        }
        buffer[at++] = (byte) ('0' + index % 10);
    }

    private int reserveLength() {
        room(4);
        int start = at;
        at += 4;
        return start;
    }

    private boolean close(int start) {
        room(1);
        buffer[at++] = 0;
        int32(start, at - start);
        return true;
    }

    private void int32(int value) {
        room(4);
        int32(at, value);
        at += 4;
    }

    private void int32(int position, int value) {
        buffer[position] = (byte) value;
        buffer[position + 1] = (byte) (value >> 8);
        buffer[position + 2] = (byte) (value >> 16);
        buffer[position + 3] = (byte) (value >> 24);
    }

    private void int64(long value) {
        room(8);
        for (int i = 0; i < 8; i++) {
            buffer[at++] = (byte) (value >> 8 * i);
        }
    }

    private void room(int bytes) {
        if (at + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + bytes));
        }
    }
}
