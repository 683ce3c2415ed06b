package org.learninglog.query.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * One line of a timeline: what happened ({@code kind}), to what ({@code subjectId}), where, on
 * which day, and the framework tags views filter on. The views store it (journey and programme
 * timeline), the queries read it back and the API answers it, all as this one record. It holds
 * identifiers and tags; a person's name or words only as {@link Evidence}, sealed with that
 * person's key until a query opens it.
 *
 * <p>Its stored document is written and read here only ({@link #toDocument}, {@link #of(Document)}),
 * field by field in the stored order.
 *
 * @param position   the global position of the event, the order things were recorded in
 * @param recordedAt when the event was recorded (what "as of" cuts on)
 * @param date       the day it happened; the day it was recorded when the event does not say
 * @param tags       flat tags, as events said them before tags had a structure
 * @param refs       the identifiers of what it cites or concerns besides its subject
 */
@Schema(name = "TimelineItem") // the name API clients know it by
@JsonIgnoreProperties(value = "late", allowGetters = true) // answered, never read back: it follows from the two days
public record TimelineLine(long position, Instant recordedAt, String kind, String placeId, String programmeId,
                           String subjectId, LocalDate date, String summary, List<String> principles, List<String> themes,
                           String layer, String sphere, String source, List<String> tags, List<String> refs,
                           Evidence evidence) {

    private static final String POSITION = "pos";
    private static final String KIND = "kind";
    private static final String PLACE = "placeId";
    private static final String PROGRAMME = "programmeId";
    private static final String SUBJECT = "subjectId";
    private static final String DATE = "date";
    private static final String SUMMARY = "summary";
    private static final String PRINCIPLES = "principles";
    private static final String THEMES = "themes";
    private static final String LAYER = "layer";
    private static final String SPHERE = "sphere";
    private static final String SOURCE = "source";
    private static final String TAGS = "tags";
    private static final String REFS = "refs";
    /** An insight's quoted evidence and who said it, sealed with that person's key. */
    private static final String EVIDENCE = "evidence";

    public TimelineLine {
        principles = principles == null ? List.of() : List.copyOf(principles);
        themes = themes == null ? List.of() : List.copyOf(themes);
        tags = tags == null ? List.of() : List.copyOf(tags);
        refs = refs == null ? List.of() : List.copyOf(refs);
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

        /** The structured tags as a view remembers them for an insight (flat tags are not kept). */
        public Document toDocument() {
            return new Document(PRINCIPLES, DocumentFields.list(principles)).append(THEMES, DocumentFields.list(themes))
                    .append(LAYER, layer).append(SPHERE, sphere).append(SOURCE, source);
        }

        public static Facets of(Document remembered) {
            return new Facets(DocumentFields.strings(remembered, PRINCIPLES), DocumentFields.strings(remembered, THEMES),
                    remembered.getString(LAYER), remembered.getString(SPHERE), remembered.getString(SOURCE), List.of());
        }
    }

    /** A line of {@code event}; its day is the day it was recorded when {@code happenedOn} is not given. */
    public static TimelineLine of(ViewEvent event, String kind, String placeId, String programmeId, String subjectId,
                                  LocalDate happenedOn, String summary, Facets facets, Collection<String> refs) {
        LocalDate day = happenedOn != null ? happenedOn : LocalDate.ofInstant(event.recordedAt(), ZoneOffset.UTC);
        return new TimelineLine(event.position(), event.recordedAt(), kind, placeId, programmeId, subjectId, day, summary,
                facets.principles(), facets.themes(), facets.layer(), facets.sphere(), facets.source(), facets.tags(),
                refs == null ? List.of() : List.copyOf(refs), null);
    }

    /** Whether it was recorded more than {@value LateRecord#THRESHOLD_DAYS} days after it happened. */
    @JsonProperty("late")
    @Schema(description = "Recorded more than 30 days after it happened (the record's day in UTC against the story's day)",
            requiredMode = Schema.RequiredMode.REQUIRED)
    public boolean late() {
        return LateRecord.isLate(date, recordedAt);
    }

    /** The same line with {@code evidence} (sealed in a view; opened in an answer). */
    public TimelineLine withEvidence(Evidence evidence) {
        return new TimelineLine(position, recordedAt, kind, placeId, programmeId, subjectId, date, summary, principles,
                themes, layer, sphere, source, tags, refs, evidence);
    }

    /** The line as a view stores it. */
    public Document toDocument() {
        Document line = new Document(POSITION, position)
                .append(PagedLog.AT, DocumentFields.date(recordedAt))
                .append(KIND, kind)
                .append(PLACE, placeId)
                .append(PROGRAMME, programmeId)
                .append(SUBJECT, subjectId)
                .append(DATE, date.toString())
                .append(SUMMARY, summary)
                .append(PRINCIPLES, DocumentFields.list(principles))
                .append(THEMES, DocumentFields.list(themes))
                .append(LAYER, layer)
                .append(SPHERE, sphere)
                .append(SOURCE, source)
                .append(TAGS, DocumentFields.list(tags))
                .append(REFS, DocumentFields.list(refs));
        if (evidence != null) {
            line.append(EVIDENCE, evidence.toDocument());
        }
        return line;
    }

    /** A line as a view stored it. */
    public static TimelineLine of(Document stored) {
        return new TimelineLine(stored.get(POSITION, Number.class).longValue(), DocumentFields.instant(stored, PagedLog.AT),
                stored.getString(KIND), stored.getString(PLACE), stored.getString(PROGRAMME), stored.getString(SUBJECT),
                LocalDate.parse(stored.getString(DATE)), stored.getString(SUMMARY), DocumentFields.strings(stored, PRINCIPLES),
                DocumentFields.strings(stored, THEMES), stored.getString(LAYER), stored.getString(SPHERE),
                stored.getString(SOURCE), DocumentFields.strings(stored, TAGS), DocumentFields.strings(stored, REFS),
                Evidence.of(stored, EVIDENCE));
    }
}
