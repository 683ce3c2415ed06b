package org.learninglog.query.view;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One line of a timeline as the API gives it. */
public record TimelineItem(long position, Instant recordedAt, String kind, String placeId, String programmeId,
                           String subjectId, LocalDate date, String summary, List<String> principles, List<String> themes,
                           String layer, String sphere, String source, List<String> tags, List<String> refs) {

    public static TimelineItem of(Document entry) {
        return new TimelineItem(entry.get(Entry.POSITION, Number.class).longValue(), Entry.at(entry), entry.getString(Entry.KIND),
                entry.getString(Entry.PLACE), entry.getString(Entry.PROGRAMME), entry.getString(Entry.SUBJECT),
                LocalDate.parse(entry.getString(Entry.DATE)), entry.getString(Entry.SUMMARY),
                List.copyOf(Bson.strings(entry, Entry.PRINCIPLES)), List.copyOf(Bson.strings(entry, Entry.THEMES)),
                entry.getString(Entry.LAYER), entry.getString(Entry.SPHERE), entry.getString(Entry.SOURCE),
                List.copyOf(Bson.strings(entry, Entry.TAGS)), List.copyOf(Bson.strings(entry, Entry.REFS)));
    }
}
