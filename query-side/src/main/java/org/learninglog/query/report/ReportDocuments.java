package org.learninglog.query.report;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The synthesis report view's stored shape, every document and field name in one place:
 *
 * <ul>
 *   <li>{@code report:<programmeId>|<YYYY-MM>}: what happened in the programme in that month of the
 *       story, as {@code entries} in the order recorded, each with its story day and the instant it
 *       was recorded, so that a read cuts it on both clocks by reading whole months by key (as the
 *       programme timeline's story logs are read);</li>
 *   <li>{@code report-activity:<activityId>}: an activity as set up and its sessions' days (an
 *       evaluation has no day of its own: it is the session's);</li>
 *   <li>{@code report-insight:<insightId>}: the story month of an insight, where its later
 *       retagging and withdrawal are noted beside it;</li>
 *   <li>{@code report-shared:<sharedLearningId>}: where a learning came from and its title.</li>
 * </ul>
 * Counts keyed by an answer or a place are lists of {@code {key, count}}: any label is safe as data.
 */
final class ReportDocuments {

    static final String ENTRIES = "entries";

    /** Entry kinds. Stored: never rename one. */
    static final String INSIGHT = "insight";
    /** An insight's tags as revised; kept in the insight's month, applied as the record knew them. */
    static final String INSIGHT_TAGS = "insight-tags";
    /** An insight withdrawn; kept in the insight's month. */
    static final String INSIGHT_WITHDRAWN = "insight-withdrawn";
    static final String INSIGHT_REVISED = "insight-revised";
    static final String INSIGHT_RETRACTED = "insight-retracted";
    static final String ADOPTED = "practice-adopted";
    static final String ADAPTED = "practice-adapted";
    static final String RETIRED = "practice-retired";
    static final String REVIEWED = "adaptation-reviewed";
    static final String SHARED = "learning-shared";
    static final String TAKEN_UP = "learning-taken-up";
    static final String SESSION = "session-held";
    static final String EVALUATION = "session-evaluated";
    static final String EVALUATION_REVISED = "session-evaluation-revised";

    private ReportDocuments() {
    }

    static String monthId(String programmeId, YearMonth month) {
        return "report:" + programmeId + "|" + month;
    }

    static String activityId(String activityId) {
        return "report-activity:" + activityId;
    }

    static String insightId(String insightId) {
        return "report-insight:" + insightId;
    }

    static String sharedId(String sharedLearningId) {
        return "report-shared:" + sharedLearningId;
    }

    /**
     * One entry of a month.
     *
     * @param id         the insight, practice, shared learning or activity it is about
     * @param number     a session's number (0 otherwise)
     * @param fromPlace  where a learning taken up came from
     * @param text       a title or an outcome
     * @param reason     a revision's or retraction's reason
     * @param counts     attendance per place, or an evaluation's ratings
     */
    record Entry(String kind, String id, String placeId, LocalDate day, Instant recordedAt, int number, String fromPlace,
                 String text, String reason, String layer, String sphere, List<String> principles, List<String> themes,
                 long formsReturned, List<Count> counts, List<Count> mostUseful, List<Count> gotWhatTheyWanted) {

        static Entry of(Document document) {
            return new Entry(document.getString("kind"), document.getString("id"), document.getString("placeId"),
                    ReportDocuments.day(document, "day"), DocumentFields.instant(document, "at"), (int) ReportDocuments.number(document, "number"),
                    document.getString("from"), document.getString("text"), document.getString("reason"),
                    document.getString("layer"), document.getString("sphere"), DocumentFields.strings(document, "principles"),
                    DocumentFields.strings(document, "themes"), ReportDocuments.number(document, "forms"), ReportDocuments.counts(document, "counts"),
                    ReportDocuments.counts(document, "mostUseful"), ReportDocuments.counts(document, "gotWhatTheyWanted"));
        }
    }

    record Count(String key, long count) {
    }

    /** An activity as set up, with its sessions' days. */
    record Activity(String activityId, String kind, String topic, List<String> placeIds, List<String> ratingScale,
                    List<String> usefulOptions) {

        static Activity of(Document document) {
            return new Activity(document.getString("activityId"), document.getString("kind"), document.getString("topic"),
                    DocumentFields.strings(document, "placeIds"), DocumentFields.strings(document, "ratingScale"),
                    DocumentFields.strings(document, "usefulOptions"));
        }
    }

    /** Starts an entry of {@code kind} about {@code id}, appended to the month's entries. */
    static Document append(Document month, String kind, String id, String placeId, LocalDate day, Instant recordedAt) {
        Document entry = new Document("kind", kind).append("id", id).append("placeId", placeId)
                .append("day", day == null ? null : day.toString()).append("at", DocumentFields.date(recordedAt));
        DocumentFields.appendable(month, ENTRIES).add(entry);
        return entry;
    }

    static void tags(Document entry, Object layer, Object sphere, List<String> principles, List<String> themes) {
        entry.append("layer", layer == null ? null : layer.toString()).append("sphere", sphere == null ? null : sphere.toString())
                .append("principles", DocumentFields.list(principles)).append("themes", DocumentFields.list(themes));
    }

    static void evaluation(Document entry, int number, int formsReturned, Map<String, Integer> ratings,
                           Map<String, Integer> mostUseful, Map<String, Integer> gotWhatTheyWanted) {
        entry.append("number", number).append("forms", (long) formsReturned).append("counts", counts(ratings))
                .append("mostUseful", counts(mostUseful)).append("gotWhatTheyWanted", counts(gotWhatTheyWanted));
    }

    static void writeActivity(Document document, String activityId, String programmeId, String kind, String topic,
                              List<String> placeIds, List<String> ratingScale, List<String> usefulOptions) {
        document.append("activityId", activityId).append("programmeId", programmeId).append("kind", kind).append("topic", topic)
                .append("placeIds", DocumentFields.list(placeIds)).append("ratingScale", DocumentFields.list(ratingScale))
                .append("usefulOptions", DocumentFields.list(usefulOptions));
    }

    static void writeSessionDay(Document activity, int number, LocalDate day) {
        DocumentFields.appendable(activity, "sessions").add(new Document("number", number).append("day", day.toString()));
    }

    /** The day of an activity's session, {@code null} if it is not known here. */
    static LocalDate sessionDay(Document activity, int number) {
        for (Document session : DocumentFields.documents(activity, "sessions")) {
            if (number(session, "number") == number) {
                return day(session, "day");
            }
        }
        return null;
    }

    static List<Document> counts(Map<String, Integer> counts) {
        List<Document> list = new ArrayList<>();
        if (counts != null) {
            counts.forEach((key, count) -> list.add(new Document("key", key).append("count", count == null ? 0L : count.longValue())));
        }
        return list;
    }

    private static List<Count> counts(Document document, String field) {
        return DocumentFields.documents(document, field).stream()
                .map(item -> new Count(item.getString("key"), number(item, "count"))).toList();
    }

    static long number(Document document, String field) {
        Number number = document.get(field, Number.class);
        return number == null ? 0 : number.longValue();
    }

    static LocalDate day(Document document, String field) {
        String day = document.getString(field);
        return day == null ? null : LocalDate.parse(day);
    }
}
