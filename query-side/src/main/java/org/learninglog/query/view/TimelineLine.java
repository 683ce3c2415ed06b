package org.learninglog.query.view;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * One line of a timeline as stored in a view: what happened ({@code kind}), to what
 * ({@code subjectId}), where, on which day, and the framework tags views filter on. Identifiers
 * and tags; a person's name or words only as {@link Evidence}, sealed with that person's key.
 */
public final class TimelineLine {

    public static final String POSITION = "pos";
    public static final String KIND = "kind";
    public static final String PLACE = "placeId";
    public static final String PROGRAMME = "programmeId";
    public static final String SUBJECT = "subjectId";
    public static final String DATE = "date";
    public static final String SUMMARY = "summary";
    public static final String PRINCIPLES = "principles";
    public static final String THEMES = "themes";
    public static final String LAYER = "layer";
    public static final String SPHERE = "sphere";
    public static final String SOURCE = "source";
    public static final String TAGS = "tags";
    public static final String REFS = "refs";
    /** An insight's quoted evidence and who said it, sealed with that person's key ({@link Evidence}). */
    public static final String EVIDENCE = "evidence";

    private TimelineLine() {
    }

    /** The framework tags of an event; flat {@code tags} are what events said before tags had a structure. */
    public record Facets(List<String> principles, List<String> themes, String layer, String sphere, String source,
                         List<String> tags) {

        public static final Facets NONE = new Facets(List.of(), List.of(), null, null, null, List.of());

        public Facets {
            principles = principles == null ? List.of() : List.copyOf(principles);
            themes = themes == null ? List.of() : List.copyOf(themes);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public static Facets ofTags(List<String> tags) {
            return new Facets(List.of(), List.of(), null, null, null, tags);
        }
    }

    public static Document of(ViewEvent event, String kind, String placeId, String programmeId, String subjectId,
                              LocalDate happenedOn, String summary, Facets facets, Collection<String> refs) {
        LocalDate day = happenedOn != null ? happenedOn : LocalDate.ofInstant(event.recordedAt(), ZoneOffset.UTC);
        return new Document(POSITION, event.position())
                .append(PagedLog.AT, DocumentFields.date(event.recordedAt()))
                .append(KIND, kind)
                .append(PLACE, placeId)
                .append(PROGRAMME, programmeId)
                .append(SUBJECT, subjectId)
                .append(DATE, day.toString())
                .append(SUMMARY, summary)
                .append(PRINCIPLES, DocumentFields.list(facets.principles()))
                .append(THEMES, DocumentFields.list(facets.themes()))
                .append(LAYER, facets.layer())
                .append(SPHERE, facets.sphere())
                .append(SOURCE, facets.source())
                .append(TAGS, DocumentFields.list(facets.tags()))
                .append(REFS, DocumentFields.list(refs == null ? List.of() : refs));
    }

    public static Instant at(Document entry) {
        return DocumentFields.instant(entry, PagedLog.AT);
    }
}
