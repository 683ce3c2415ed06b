package org.learninglog.query.view;

import org.bson.Document;
import org.learninglog.store.personal.PersonalValues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One line of a timeline as the API gives it. */
public record TimelineItem(long position, Instant recordedAt, String kind, String placeId, String programmeId,
                           String subjectId, LocalDate date, String summary, List<String> principles, List<String> themes,
                           String layer, String sphere, String source, List<String> tags, List<String> refs,
                           Evidence evidence) {

    public static TimelineItem of(Document entry) {
        return new TimelineItem(entry.get(Entry.POSITION, Number.class).longValue(), Entry.at(entry), entry.getString(Entry.KIND),
                entry.getString(Entry.PLACE), entry.getString(Entry.PROGRAMME), entry.getString(Entry.SUBJECT),
                LocalDate.parse(entry.getString(Entry.DATE)), entry.getString(Entry.SUMMARY),
                List.copyOf(Bson.strings(entry, Entry.PRINCIPLES)), List.copyOf(Bson.strings(entry, Entry.THEMES)),
                entry.getString(Entry.LAYER), entry.getString(Entry.SPHERE), entry.getString(Entry.SOURCE),
                List.copyOf(Bson.strings(entry, Entry.TAGS)), List.copyOf(Bson.strings(entry, Entry.REFS)),
                Evidence.of(entry, Entry.EVIDENCE));
    }

    /** The item with its evidence readable (or marked removed). */
    public TimelineItem opened(PersonalValues values) {
        return evidence == null ? this : new TimelineItem(position, recordedAt, kind, placeId, programmeId, subjectId, date, summary,
                principles, themes, layer, sphere, source, tags, refs, evidence.opened(values));
    }
}
