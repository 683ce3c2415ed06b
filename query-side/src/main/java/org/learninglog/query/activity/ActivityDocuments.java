package org.learninglog.query.activity;

import org.bson.Document;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.query.view.DocumentFields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The activities view's stored shape, every document and field name in one place:
 *
 * <ul>
 *   <li>{@code activity:<activityId>}: the activity as set up, how many events it has had
 *       ({@code events}, its version plus one) and its {@code sessions} in order, each with its
 *       attendance per place and its evaluation as counts (never as shares);</li>
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

    /** An activity's document, read. */
    record Activity(String activityId, String programmeId, String kind, String topic, List<String> placeIds,
                    LocalDate startsOn, LocalDate endsOn, List<String> ratingScale, List<String> usefulOptions,
                    long events, List<Session> sessions) {

        static Activity of(Document document) {
            return new Activity(document.getString("activityId"), document.getString("programmeId"),
                    document.getString("kind"), document.getString("topic"), DocumentFields.strings(document, "placeIds"),
                    day(document, "startsOn"), day(document, "endsOn"), DocumentFields.strings(document, "ratingScale"),
                    DocumentFields.strings(document, "usefulOptions"), number(document, "events"),
                    DocumentFields.documents(document, "sessions").stream().map(Session::of).toList());
        }

        /** The version the write side answers: the number of the activity's events minus one. */
        long version() {
            return events - 1;
        }
    }

    record Session(int sessionNumber, LocalDate happenedOn, String facilitatorId, List<Count> attendance,
                   Evaluation evaluation) {

        static Session of(Document document) {
            Document evaluation = document.get("evaluation", Document.class);
            return new Session((int) number(document, "number"), day(document, "happenedOn"), document.getString("facilitatorId"),
                    counts(document, "attendance"), evaluation == null ? null : Evaluation.of(evaluation));
        }
    }

    /**
     * @param revisions how many times the results were corrected; {@code reason} the latest correction's
     */
    record Evaluation(long formsReturned, List<Count> ratings, List<Count> mostUseful, List<Count> gotWhatTheyWanted,
                      List<String> comments, long revisions, String reason) {

        static Evaluation of(Document document) {
            return new Evaluation(number(document, "formsReturned"), counts(document, "ratings"),
                    counts(document, "mostUseful"), counts(document, "gotWhatTheyWanted"),
                    DocumentFields.strings(document, "comments"), number(document, "revisions"), document.getString("reason"));
        }
    }

    record Count(String key, long count) {
    }

    /** Writes the activity as set up, with no sessions yet. */
    static void writeSetUp(Document activity, String activityId, String programmeId, String kind, String topic,
                           List<String> placeIds, LocalDate startsOn, LocalDate endsOn, List<String> ratingScale,
                           List<String> usefulOptions) {
        activity.append("activityId", activityId).append("programmeId", programmeId).append("kind", kind)
                .append("topic", topic).append("placeIds", DocumentFields.list(placeIds))
                .append("startsOn", text(startsOn)).append("endsOn", text(endsOn))
                .append("ratingScale", DocumentFields.list(ratingScale))
                .append("usefulOptions", DocumentFields.list(usefulOptions)).append("events", 1L)
                .append("sessions", new ArrayList<Document>());
    }

    static void countEvent(Document activity) {
        activity.put("events", number(activity, "events") + 1);
    }

    static void appendSession(Document activity, int number, LocalDate happenedOn, String facilitatorId,
                              List<String> placeIds, Map<String, Integer> attendance) {
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
                .append("facilitatorId", facilitatorId).append("attendance", places));
    }

    /** Sets a session's evaluation: the first one, or a correction with its reason. */
    static void writeEvaluation(Document activity, int number, SessionEvaluation evaluation, String reason) {
        for (Document session : DocumentFields.appendable(activity, "sessions")) {
            if (number(session, "number") == number) {
                Document before = session.get("evaluation", Document.class);
                long revisions = reason == null || before == null ? 0 : number(before, "revisions") + 1;
                session.put("evaluation", new Document("formsReturned", (long) evaluation.formsReturned())
                        .append("ratings", counts(evaluation.ratings()))
                        .append("mostUseful", counts(evaluation.mostUseful()))
                        .append("gotWhatTheyWanted", counts(evaluation.gotWhatTheyWanted()))
                        .append("comments", DocumentFields.list(evaluation.comments()))
                        .append("revisions", revisions).append("reason", reason));
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
