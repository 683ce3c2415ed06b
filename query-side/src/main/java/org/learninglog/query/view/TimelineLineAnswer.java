package org.learninglog.query.view;

import org.bson.Document;
import org.learninglog.store.personal.PersonalValues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One line of a timeline as the API gives it. */
@io.swagger.v3.oas.annotations.media.Schema(name = "TimelineItem") // the name API clients know it by
public record TimelineLineAnswer(long position, Instant recordedAt, String kind, String placeId, String programmeId,
                           String subjectId, LocalDate date, String summary, List<String> principles, List<String> themes,
                           String layer, String sphere, String source, List<String> tags, List<String> refs,
                           Evidence evidence) {

    public static TimelineLineAnswer of(Document entry) {
        return new TimelineLineAnswer(entry.get(TimelineLine.POSITION, Number.class).longValue(), TimelineLine.at(entry), entry.getString(TimelineLine.KIND),
                entry.getString(TimelineLine.PLACE), entry.getString(TimelineLine.PROGRAMME), entry.getString(TimelineLine.SUBJECT),
                LocalDate.parse(entry.getString(TimelineLine.DATE)), entry.getString(TimelineLine.SUMMARY),
                List.copyOf(DocumentFields.strings(entry, TimelineLine.PRINCIPLES)), List.copyOf(DocumentFields.strings(entry, TimelineLine.THEMES)),
                entry.getString(TimelineLine.LAYER), entry.getString(TimelineLine.SPHERE), entry.getString(TimelineLine.SOURCE),
                List.copyOf(DocumentFields.strings(entry, TimelineLine.TAGS)), List.copyOf(DocumentFields.strings(entry, TimelineLine.REFS)),
                Evidence.of(entry, TimelineLine.EVIDENCE));
    }

    /** The item with its evidence readable (or marked removed). */
    public TimelineLineAnswer opened(PersonalValues values) {
        return evidence == null ? this : new TimelineLineAnswer(position, recordedAt, kind, placeId, programmeId, subjectId, date, summary,
                principles, themes, layer, sphere, source, tags, refs, evidence.opened(values));
    }
}
