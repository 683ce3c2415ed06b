package org.learninglog.query.view;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small conversions between our values and what a view document holds. */
public final class DocumentFields {

    private DocumentFields() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String field) {
        Date date = document == null ? null : document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** A list the document may change later (the driver's own lists are, {@code List.of} is not). */
    public static <T> List<T> list(Collection<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public static List<String> strings(Document document, String field) {
        if (document == null) {
            return List.of();
        }
        List<String> values = document.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    public static List<Document> documents(Document document, String field) {
        if (document == null) {
            return List.of();
        }
        List<Document> values = document.getList(field, Document.class);
        return values == null ? List.of() : values;
    }

    /** The list under {@code field}, created if missing, to append to. */
    public static List<Document> appendable(Document document, String field) {
        List<Document> values = document.getList(field, Document.class);
        if (values == null) {
            values = new ArrayList<>();
            document.put(field, values);
        }
        return values;
    }

    /**
     * A copy of {@code document} that shares none of its documents and lists, to change apart from it;
     * other values (strings, numbers, dates) are shared, as nothing changes them in place.
     */
    public static Document copy(Document document) {
        return copy(document, UnaryOperator.identity());
    }

    /** Like {@link #copy(Document)}, with every value that is neither a document nor a list passed through {@code values}. */
    public static Document copy(Document document, UnaryOperator<Object> values) {
        Document copy = new Document();
        document.forEach((key, value) -> copy.put(key, copied(value, values)));
        return copy;
    }

    private static Object copied(Object value, UnaryOperator<Object> values) {
        if (value instanceof Document document) {
            return copy(document, values);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copied(item, values)));
            return copy;
        }
        return values.apply(value);
    }

    /** A key safe for a sub-document: no '.', no leading '$'. */
    public static String key(String value) {
        String safe = value.replace('.', '\uff0e');
        return safe.startsWith("$") ? "\uff04" + safe.substring(1) : safe;
    }
}
