package org.learninglog.query.activity;

import org.bson.Document;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The activities view's stored shape, every document and field name in one place:
 *
 * <ul>
 *   <li>{@code activity:<activityId>}: the activity as set up and when that was recorded ({@code at}),
 *       how many events it has had ({@code events}, its version plus one) and its {@code sessions} in
 *       order, each with when it was recorded ({@code at}), its attendance per place and every version
 *       of its evaluation ({@code evaluations}: the first, then each correction, each with when it was
 *       recorded and as counts, never as shares), so that a read on the record's clock finds the
 *       evaluation as it stood then;</li>
 *   <li>{@code activities:<programmeId>}: the programme's activity ids, in the order set up.</li>
 * </ul>
 * Counts keyed by an answer or a place are kept as lists of {@code {key, count}} so that any label
 * is safe as data and its order is kept.
 */
final class ActivityDocuments {

    private ActivityDocuments() {
    }

    static String activityId(String activityId) {
        return "activity:" + activityId;
    }

    static String programmeId(String programmeId) {
        return "activities:" + programmeId;
    }

    /**
     * An activity's document, read.
     *
     * @param recordedAt when it was set up; {@code null} in a view built before it kept that
     */
    record Activity(String activityId, String programmeId, String kind, String topic, List<String> placeIds,
                    LocalDate startsOn, LocalDate endsOn, List<String> ratingScale, List<String> usefulOptions,
                    Instant recordedAt, long events, List<Session> sessions) {

        static Activity of(Document document) {
            return new Activity(document.getString("activityId"), document.getString("programmeId"),
                    document.getString("kind"), document.getString("topic"), DocumentFields.strings(document, "placeIds"),
                    day(document, "startsOn"), day(document, "endsOn"), DocumentFields.strings(document, "ratingScale"),
                    DocumentFields.strings(document, "usefulOptions"), DocumentFields.instant(document, "at"),
                    number(document, "events"), DocumentFields.documents(document, "sessions").stream().map(Session::of).toList());
        }

        /** The version the write side answers: the number of the activity's events minus one. */
        long version() {
            return events - 1;
        }

        /** Whether the activity had been set up by {@code known} (always, without a cut). */
        boolean recordedBy(Instant known) {
            return recordedBefore(recordedAt, known);
        }

        /**
         * The activity as the record stood at {@code known} (only what was recorded by then, each
         * evaluation as it stood then), of what had happened by {@code on} (only sessions held by
         * then, with their evaluations); either may be {@code null}. Its events are those it keeps,
         * so its version is the one the record had of that part.
         */
        Activity cut(Instant known, LocalDate on) {
            if (known == null && on == null) {
                return this;
            }
            List<Session> kept = new ArrayList<>();
            long keptEvents = 1;
            for (Session session : sessions) {
                if (recordedBefore(session.recordedAt(), known) && (on == null || !session.happenedOn().isAfter(on))) {
                    List<Evaluation> versions = session.evaluations().stream()
                            .filter(version -> recordedBefore(version.recordedAt(), known)).toList();
                    kept.add(new Session(session.sessionNumber(), session.happenedOn(), session.facilitatorId(),
                            session.attendance(), session.recordedAt(), versions));
                    keptEvents += 1 + versions.size();
                }
            }
            return new Activity(activityId, programmeId, kind, topic, placeIds, startsOn, endsOn, ratingScale, usefulOptions,
                    recordedAt, keptEvents, kept);
        }

        /** A record with no instant (kept by a view built before it kept them) counts as known at every cut. */
        private static boolean recordedBefore(Instant recordedAt, Instant known) {
            return known == null || recordedAt == null || !recordedAt.isAfter(known);
        }
    }

    /**
     * @param recordedAt  when it was recorded; {@code null} in a view built before it kept that
     * @param evaluations every version of its evaluation in the order recorded: the first, then each correction
     */
    record Session(int sessionNumber, LocalDate happenedOn, String facilitatorId, List<Count> attendance,
                   Instant recordedAt, List<Evaluation> evaluations) {

        static Session of(Document document) {
            List<Evaluation> evaluations = DocumentFields.documents(document, "evaluations").stream().map(Evaluation::of).toList();
            Document before = document.get("evaluation", Document.class); // as a view built before it kept every version
            if (evaluations.isEmpty() && before != null) {
                evaluations = List.of(Evaluation.of(before));
            }
            return new Session((int) number(document, "number"), day(document, "happenedOn"), document.getString("facilitatorId"),
                    counts(document, "attendance"), DocumentFields.instant(document, "at"), evaluations);
        }

        /** The evaluation as it reads now (its latest version); {@code null} until one is recorded. */
        Evaluation evaluation() {
            return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
        }

        /** How many times the evaluation was corrected. */
        long revisions() {
            return Math.max(0, evaluations.size() - 1);
        }
    }

    /**
     * One version of a session's evaluation.
     *
     * @param recordedAt when it was recorded; {@code null} in a view built before it kept that
     * @param reason     why it was corrected; {@code null} for the first
     */
    record Evaluation(Instant recordedAt, long formsReturned, List<Count> ratings, List<Count> mostUseful,
                      List<Count> gotWhatTheyWanted, List<String> comments, String reason) {

        static Evaluation of(Document document) {
            return new Evaluation(DocumentFields.instant(document, "at"), number(document, "formsReturned"),
                    counts(document, "ratings"), counts(document, "mostUseful"), counts(document, "gotWhatTheyWanted"),
                    DocumentFields.strings(document, "comments"), document.getString("reason"));
        }
    }

    record Count(String key, long count) {
    }

    /** Writes the activity as set up, with no sessions yet. */
    static void writeSetUp(Document activity, String activityId, String programmeId, String kind, String topic,
                           List<String> placeIds, LocalDate startsOn, LocalDate endsOn, List<String> ratingScale,
                           List<String> usefulOptions, Instant recordedAt) {
        activity.append("activityId", activityId).append("programmeId", programmeId).append("kind", kind)
                .append("topic", topic).append("placeIds", DocumentFields.list(placeIds))
                .append("startsOn", text(startsOn)).append("endsOn", text(endsOn))
                .append("ratingScale", DocumentFields.list(ratingScale))
                .append("usefulOptions", DocumentFields.list(usefulOptions)).append("at", DocumentFields.date(recordedAt))
                .append("events", 1L)
                .append("sessions", new ArrayList<Document>());
    }

    static void countEvent(Document activity) {
        activity.put("events", number(activity, "events") + 1);
    }

    static void appendSession(Document activity, int number, LocalDate happenedOn, String facilitatorId,
                              List<String> placeIds, Map<String, Integer> attendance, Instant recordedAt) {
        List<Document> places = new ArrayList<>();
        for (String placeId : placeIds) {
            if (attendance.containsKey(placeId)) {
                places.add(count(placeId, attendance.get(placeId)));
            }
        }
        attendance.forEach((placeId, count) -> {
            if (!placeIds.contains(placeId)) {
                places.add(count(placeId, count));
            }
        });
        DocumentFields.appendable(activity, "sessions").add(new Document("number", number).append("happenedOn", text(happenedOn))
                .append("facilitatorId", facilitatorId).append("attendance", places).append("at", DocumentFields.date(recordedAt))
                .append("evaluations", new ArrayList<Document>()));
    }

    /** Adds a version of a session's evaluation: the first one, or a correction with its reason. */
    static void addEvaluation(Document activity, int number, SessionEvaluation evaluation, String reason, Instant recordedAt) {
        for (Document session : DocumentFields.appendable(activity, "sessions")) {
            if (number(session, "number") == number) {
                Object before = session.remove("evaluation"); // a view built before kept only the latest: it becomes the first
                if (before instanceof Document latest && !session.containsKey("evaluations")) {
                    DocumentFields.appendable(session, "evaluations").add(latest);
                }
                DocumentFields.appendable(session, "evaluations").add(new Document("at", DocumentFields.date(recordedAt))
                        .append("formsReturned", (long) evaluation.formsReturned())
                        .append("ratings", counts(evaluation.ratings()))
                        .append("mostUseful", counts(evaluation.mostUseful()))
                        .append("gotWhatTheyWanted", counts(evaluation.gotWhatTheyWanted()))
                        .append("comments", DocumentFields.list(evaluation.comments()))
                        .append("reason", reason));
            }
        }
    }

    private static List<Document> counts(Map<String, Integer> counts) {
        List<Document> list = new ArrayList<>();
        counts.forEach((key, count) -> list.add(count(key, count)));
        return list;
    }

    private static Document count(String key, Integer count) {
        return new Document("key", key).append("count", count == null ? 0L : count.longValue());
    }

    private static List<Count> counts(Document document, String field) {
        return DocumentFields.documents(document, field).stream()
                .map(item -> new Count(item.getString("key"), number(item, "count"))).toList();
    }

    private static long number(Document document, String field) {
        Number number = document.get(field, Number.class);
        return number == null ? 0 : number.longValue();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static LocalDate day(Document document, String field) {
        String day = document.getString(field);
        return day == null ? null : LocalDate.parse(day);
    }
}
