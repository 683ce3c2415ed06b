package org.learninglog.query.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The record's clock of a read: {@code known=} (an instant, or a day meaning the end of that day
 * in UTC: everything recorded on it counts) and its deprecated alias {@code asOf=}, which accepts
 * the same. The views fold to the last instant the record knew; a day is read as its last
 * nanosecond so that "known on 2025-06-01" includes what was typed that afternoon.
 */
public final class KnownParameter {

    public static final String KNOWN = "known";
    public static final String AS_OF = "asOf";
    public static final String DESCRIBED = "The record as it stood then (the record's clock): an ISO-8601 instant "
            + "(2025-06-01T12:00:00Z) or day (2025-06-01, meaning up to the end of that day in UTC). Only what was recorded "
            + "by then is shown.";
    public static final String DEPRECATED = "Deprecated: the former name of `known`, accepted as it is (an instant or a day). "
            + "Give one of the two.";
    static final String EXPECTED = "an ISO-8601 instant (2026-03-01T00:00:00Z) or day (2026-03-01)";

    private KnownParameter() {
    }

    /** The instant to cut the record at, or {@code null} for "now"; refuses both names at once and unreadable values. */
    public static Instant cut(String known, String asOf) {
        boolean hasKnown = known != null && !known.isBlank();
        boolean hasAsOf = asOf != null && !asOf.isBlank();
        if (hasKnown && hasAsOf) {
            throw new BadQueryException(AS_OF, "cannot be given with known: asOf is known's former name, give known only");
        }
        return hasKnown ? parse(KNOWN, known.trim()) : hasAsOf ? parse(AS_OF, asOf.trim()) : null;
    }

    static Instant parse(String field, String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new BadQueryException(field, "cannot be read: it must be " + EXPECTED);
        }
    }
}
