package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Something a journey document keeps with the position ({@code pos}) and instant ({@code at}) it
 * was recorded at, so that it folds to any moment ({@link VersionHistories}).
 */
public interface Stamped {

    String POSITION = "pos";
    String AT = "at";

    long position();

    Instant recordedAt();

    /**
     * The day it happened in the story. What keeps no day of its own (administration), or was
     * stored before it kept one, reads as the day it was recorded (UTC), as old events are upcast.
     */
    default LocalDate storyDay() {
        return LocalDate.ofInstant(recordedAt(), ZoneOffset.UTC);
    }

    /** Appends the stamp to an item, position first, as every stamped item is stored. */
    static Document stamp(Document item, long position, Instant recordedAt) {
        return item.append(POSITION, position).append(AT, DocumentFields.date(recordedAt));
    }

    static long positionOf(Document item) {
        return item.get(POSITION, Number.class).longValue();
    }

    static Instant instantOf(Document item) {
        return DocumentFields.instant(item, AT);
    }
}
