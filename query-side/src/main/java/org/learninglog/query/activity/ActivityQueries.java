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

    public static ActivityReading reading(Activity activity) {
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
                activity.usefulOptions(), activity.version(), sessions, trend);
    }

    /** The session numbered {@code number}, or 404 naming {@code sessionNumber}. */
    public static ActivitySessionReading session(Activity activity, int number) {
        return activity.sessions().stream().filter(session -> session.sessionNumber() == number).findFirst()
                .map(session -> session(activity, session))
                .orElseThrow(() -> new NotFoundException("sessionNumber", "This activity has no session with this number (yet)"));
    }

    /** The session's evaluation, or 404 naming {@code sessionNumber} while none is recorded. */
    public static SessionEvaluationReading evaluation(Activity activity, int number) {
        SessionEvaluationReading evaluation = session(activity, number).evaluation();
        if (evaluation == null) {
            throw new NotFoundException("sessionNumber", "No evaluation of this session is recorded (yet)");
        }
        return evaluation;
    }

    /** The programme's activities, in the order they were set up. */
    public static List<ActivitySummary> list(ViewReader reader, String programmeId) {
        Document programme = reader.get(ActivityDocuments.programmeId(programmeId));
        List<String> ids = DocumentFields.strings(programme, "activityIds").stream().map(ActivityDocuments::activityId).toList();
        List<ActivitySummary> summaries = new ArrayList<>();
        for (Document document : reader.getAll(ids)) {
            ActivityReading activity = reading(Activity.of(document));
            List<ActivityTrendPoint> trend = activity.trend();
            summaries.add(new ActivitySummary(activity.activityId(), activity.kind(), activity.topic(), activity.sessions().size(),
                    trend.isEmpty() ? null : trend.get(trend.size() - 1)));
        }
        return summaries;
    }

    private static ActivitySessionReading session(Activity activity, Session session) {
        List<PlaceAttendance> attendance = session.attendance().stream().map(c -> new PlaceAttendance(c.key(), c.count())).toList();
        long total = attendance.stream().mapToLong(PlaceAttendance::count).sum();
        Evaluation evaluation = session.evaluation();
        return new ActivitySessionReading(session.sessionNumber(), session.happenedOn(), session.facilitatorId(), attendance, total,
                evaluation == null ? null : evaluation(activity, session.sessionNumber(), evaluation));
    }

    private static SessionEvaluationReading evaluation(Activity activity, int number, Evaluation evaluation) {
        long base = evaluation.formsReturned();
        return new SessionEvaluationReading(number, base, shares(activity.ratingScale(), evaluation.ratings(), base),
                shares(activity.usefulOptions(), evaluation.mostUseful(), base),
                shares(GOT_WHAT_THEY_WANTED, evaluation.gotWhatTheyWanted(), base), evaluation.comments(),
                evaluation.revisions(), evaluation.reason());
    }

    /** One share per answer the activity names, in its order (a zero where no form chose it), then any others recorded. */
    private static List<AnswerShare> shares(List<String> answers, List<Count> counts, long base) {
        Map<String, Long> byAnswer = new LinkedHashMap<>();
        answers.forEach(answer -> byAnswer.put(answer, 0L));
        counts.forEach(count -> byAnswer.merge(count.key(), count.count(), Long::sum));
        List<AnswerShare> shares = new ArrayList<>();
        byAnswer.forEach((answer, count) -> shares.add(AnswerShare.of(answer, count, base)));
        return shares;
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
