package org.learninglog.query.activity;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.activity.ActivityDocuments.Activity;
import org.learninglog.query.activity.ActivityDocuments.Count;
import org.learninglog.query.activity.ActivityDocuments.Evaluation;
import org.learninglog.query.activity.ActivityDocuments.Session;
import org.learninglog.query.activity.ActivityReading.PlaceAttendance;
import org.learninglog.query.activity.ActivityReading.SessionEvaluationReading;
import org.learninglog.query.activity.ActivityReading.ActivitySessionReading;
import org.learninglog.query.activity.ActivityReading.AnswerShare;
import org.learninglog.query.activity.ActivityReading.ActivitySummary;
import org.learninglog.query.activity.ActivityReading.ActivityTrendPoint;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.web.KnownParameter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads activities from their documents and works out every share beside its base. */
public final class ActivityQueries {

    static final String NO_ACTIVITY = "No learning activity with this id is recorded (yet)";
    private static final List<String> GOT_WHAT_THEY_WANTED = List.of("all", "some", "none");

    private ActivityQueries() {
    }

    /** The activity's document, or 404 naming {@code activityId}. */
    public static Activity activity(ViewReader reader, String activityId) {
        Document document = reader.get(ActivityDocuments.activityId(activityId));
        if (document == null || document.getString("programmeId") == null) {
            throw new NotFoundException("activityId", NO_ACTIVITY);
        }
        return Activity.of(document);
    }

    /**
     * The activity on the two clocks: as the record stood at {@code known} (each evaluation as it
     * stood then), of the sessions held by {@code on}; either may be {@code null}. An activity set up
     * after {@code known} is not found, naming {@code known}; check who may read it first, so that
     * this says nothing of another programme's activities.
     */
    public static Activity at(Activity activity, Instant known, LocalDate on) {
        if (!activity.recordedBy(known)) {
            throw new NotFoundException(KnownParameter.KNOWN, "This learning activity was not yet recorded by " + known);
        }
        return activity.cut(known, on);
    }

    public static ActivityReading reading(Activity activity) {
        return reading(activity, null, null);
    }

    /** The activity read on the two clocks (see {@link #at}), repeating its cuts. */
    public static ActivityReading reading(Activity whole, Instant known, LocalDate on) {
        Activity activity = at(whole, known, on);
        List<ActivitySessionReading> sessions = activity.sessions().stream().map(session -> session(activity, session)).toList();
        List<ActivityTrendPoint> trend = new ArrayList<>();
        for (ActivitySessionReading session : sessions) {
            ActivityTrendPoint point = best(activity, session);
            if (point != null) {
                trend.add(point);
            }
        }
        return new ActivityReading(activity.activityId(), activity.programmeId(), activity.kind(), activity.topic(),
                activity.placeIds(), activity.startsOn(), activity.endsOn(), activity.ratingScale(),
                activity.usefulOptions(), activity.version(), known, on, sessions, trend);
    }

    /** The session numbered {@code number}, or 404 naming {@code sessionNumber}. */
    public static ActivitySessionReading session(Activity activity, int number) {
        return activity.sessions().stream().filter(session -> session.sessionNumber() == number).findFirst()
                .map(session -> session(activity, session))
                .orElseThrow(() -> new NotFoundException("sessionNumber",
                        "This activity has no session with this number (yet, or not by the known or on read)"));
    }

    /** The session's evaluation, or 404 naming {@code sessionNumber} while none is recorded. */
    public static SessionEvaluationReading evaluation(Activity activity, int number) {
        SessionEvaluationReading evaluation = session(activity, number).evaluation();
        if (evaluation == null) {
            throw new NotFoundException("sessionNumber",
                    "No evaluation of this session is recorded (yet, or not by the known or on read)");
        }
        return evaluation;
    }

    /** The programme's activities, in the order they were set up. */
    public static List<ActivitySummary> list(ViewReader reader, String programmeId) {
        return list(reader, programmeId, null, null);
    }

    /** The programme's activities set up by {@code known}, each read on the two clocks. */
    public static List<ActivitySummary> list(ViewReader reader, String programmeId, Instant known, LocalDate on) {
        Document programme = reader.get(ActivityDocuments.programmeId(programmeId));
        List<String> ids = DocumentFields.strings(programme, "activityIds").stream().map(ActivityDocuments::activityId).toList();
        List<ActivitySummary> summaries = new ArrayList<>();
        for (Document document : reader.getAll(ids)) {
            Activity whole = Activity.of(document);
            if (!whole.recordedBy(known)) {
                continue;
            }
            ActivityReading activity = reading(whole, known, on);
            List<ActivityTrendPoint> trend = activity.trend();
            summaries.add(new ActivitySummary(activity.activityId(), activity.kind(), activity.topic(), activity.sessions().size(),
                    trend.isEmpty() ? null : trend.get(trend.size() - 1)));
        }
        return summaries;
    }

    private static ActivitySessionReading session(Activity activity, Session session) {
        List<PlaceAttendance> attendance = session.attendance().stream().map(c -> new PlaceAttendance(c.key(), c.count())).toList();
        long total = attendance.stream().mapToLong(PlaceAttendance::count).sum();
        return new ActivitySessionReading(session.sessionNumber(), session.happenedOn(), session.recordedAt(), session.facilitatorId(),
                attendance, total, session.evaluation() == null ? null : evaluation(activity, session));
    }

    private static SessionEvaluationReading evaluation(Activity activity, Session session) {
        Evaluation evaluation = session.evaluation();
        long base = evaluation.formsReturned();
        return new SessionEvaluationReading(session.sessionNumber(), base, shares(activity.ratingScale(), evaluation.ratings(), base),
                shares(activity.usefulOptions(), evaluation.mostUseful(), base),
                shares(GOT_WHAT_THEY_WANTED, evaluation.gotWhatTheyWanted(), base), evaluation.comments(),
                session.revisions(), evaluation.reason(), evaluation.recordedAt());
    }

    /** The shares of {@code answers} ({@link AnswerShare#inOrder}) from the counts as stored. */
    private static List<AnswerShare> shares(List<String> answers, List<Count> counts, long base) {
        Map<String, Long> counted = new LinkedHashMap<>();
        counts.forEach(count -> counted.merge(count.key(), count.count(), Long::sum));
        return AnswerShare.inOrder(answers, counted, base);
    }

    private static ActivityTrendPoint best(Activity activity, ActivitySessionReading session) {
        if (session.evaluation() == null || activity.ratingScale().isEmpty()) {
            return null;
        }
        String best = activity.ratingScale().get(0);
        AnswerShare share = session.evaluation().ratings().stream().filter(s -> s.answer().equals(best)).findFirst()
                .orElse(AnswerShare.of(best, 0, session.evaluation().formsReturned()));
        return new ActivityTrendPoint(session.sessionNumber(), session.happenedOn(), best, share.count(), share.base(), share.percent());
    }
}
