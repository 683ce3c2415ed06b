package org.learninglog.query.report;

import org.bson.Document;
import org.learninglog.events.activity.ActivitySessionHeld;
import org.learninglog.events.activity.LearningActivitySetUp;
import org.learninglog.events.activity.SessionEvaluated;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.events.activity.SessionEvaluationRevised;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a programme's synthesis report is made of: per programme and month of the story, what
 * happened in it (insights with their tags, practices adopted, adapted, retired and reviewed,
 * learning shared and taken up, sessions held and what their forms said), each entry with its story
 * day and when it was recorded (see {@link ReportDocuments}). Nothing is summed here: a report is
 * summed over the months of the reader's period as it is read, cut on both clocks.
 */
@Component
public class SynthesisReportProjection implements Projection {

    public static final String NAME = "synthesis-report";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(InsightRecorded.class, SynthesisReportProjection::insightRecorded)
            .on(InsightRevised.class, SynthesisReportProjection::insightRevised)
            .on(InsightRetracted.class, SynthesisReportProjection::insightRetracted)
            .on(PracticeAdopted.class, (e, event, view) -> practice(ReportDocuments.ADOPTED, e.programmeId(), e.practiceId(),
                    e.placeId(), e.happenedOn(), null, event, view))
            .on(PracticeAdapted.class, (e, event, view) -> practice(ReportDocuments.ADAPTED, e.programmeId(), e.practiceId(),
                    e.placeId(), e.happenedOn(), null, event, view))
            .on(PracticeRetired.class, (e, event, view) -> practice(ReportDocuments.RETIRED, e.programmeId(), e.practiceId(),
                    e.placeId(), e.happenedOn(), null, event, view))
            .on(AdaptationOutcomeReviewed.class, (e, event, view) -> practice(ReportDocuments.REVIEWED, e.programmeId(),
                    e.practiceId(), e.placeId(), e.happenedOn(), e.outcome() == null ? null : e.outcome().name(), event, view))
            .on(LearningShared.class, SynthesisReportProjection::shared)
            .on(SharedLearningAdopted.class, SynthesisReportProjection::takenUp)
            .on(LearningActivitySetUp.class, SynthesisReportProjection::activitySetUp)
            .on(ActivitySessionHeld.class, SynthesisReportProjection::sessionHeld)
            .on(SessionEvaluated.class, (e, event, view) -> evaluated(e.activityId(), e.programmeId(), e.sessionNumber(),
                    e.evaluation(), null, event, view))
            .on(SessionEvaluationRevised.class, (e, event, view) -> evaluated(e.activityId(), e.programmeId(), e.sessionNumber(),
                    e.evaluation(), e.reason(), event, view));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        HANDLERS.handle(event, view);
    }

    private static void insightRecorded(InsightRecorded e, ViewEvent event, ViewUpdate view) {
        Document where = view.edit(ReportDocuments.insightId(e.insightId()));
        if (where != null) {
            where.append("programmeId", e.programmeId()).append("month", YearMonth.from(e.happenedOn()).toString());
        }
        Document month = view.edit(ReportDocuments.monthId(e.programmeId(), YearMonth.from(e.happenedOn())));
        if (month != null) {
            ReportDocuments.tags(ReportDocuments.append(month, ReportDocuments.INSIGHT, e.insightId(), e.placeId(),
                    e.happenedOn(), event.recordedAt()), e.layer(), e.sphere(), e.principles(), e.themes());
        }
    }

    private static void insightRevised(InsightRevised e, ViewEvent event, ViewUpdate view) {
        Document insightMonth = insightMonth(view, e.insightId());
        if (insightMonth != null) {
            ReportDocuments.tags(ReportDocuments.append(insightMonth, ReportDocuments.INSIGHT_TAGS, e.insightId(), e.placeId(),
                    null, event.recordedAt()), e.layer(), e.sphere(), e.principles(), e.themes());
        }
        Document month = view.edit(ReportDocuments.monthId(e.programmeId(), YearMonth.from(e.happenedOn())));
        if (month != null) {
            ReportDocuments.append(month, ReportDocuments.INSIGHT_REVISED, e.insightId(), e.placeId(), e.happenedOn(),
                    event.recordedAt()).append("reason", e.reason());
        }
    }

    private static void insightRetracted(InsightRetracted e, ViewEvent event, ViewUpdate view) {
        Document insightMonth = insightMonth(view, e.insightId());
        if (insightMonth != null) {
            ReportDocuments.append(insightMonth, ReportDocuments.INSIGHT_WITHDRAWN, e.insightId(), e.placeId(), null,
                    event.recordedAt());
        }
        Document month = view.edit(ReportDocuments.monthId(e.programmeId(), YearMonth.from(e.happenedOn())));
        if (month != null) {
            ReportDocuments.append(month, ReportDocuments.INSIGHT_RETRACTED, e.insightId(), e.placeId(), e.happenedOn(),
                    event.recordedAt()).append("reason", e.reason());
        }
    }

    /** The month document of the insight's story day, to note a later change beside it; {@code null} if unknown or applied. */
    private static Document insightMonth(ViewUpdate view, String insightId) {
        Document where = view.read(ReportDocuments.insightId(insightId));
        if (where == null || where.getString("month") == null) {
            return null;
        }
        return view.edit(ReportDocuments.monthId(where.getString("programmeId"), YearMonth.parse(where.getString("month"))));
    }

    private static void practice(String kind, String programmeId, String practiceId, String placeId, LocalDate day,
                                 String outcome, ViewEvent event, ViewUpdate view) {
        Document month = view.edit(ReportDocuments.monthId(programmeId, YearMonth.from(day)));
        if (month != null) {
            ReportDocuments.append(month, kind, practiceId, placeId, day, event.recordedAt()).append("text", outcome);
        }
    }

    private static void shared(LearningShared e, ViewEvent event, ViewUpdate view) {
        Document shared = view.edit(ReportDocuments.sharedId(e.sharedLearningId()));
        if (shared != null) {
            shared.append("placeId", e.placeId()).append("title", e.title());
        }
        Document month = view.edit(ReportDocuments.monthId(e.programmeId(), YearMonth.from(e.happenedOn())));
        if (month != null) {
            ReportDocuments.append(month, ReportDocuments.SHARED, e.sharedLearningId(), e.placeId(), e.happenedOn(),
                    event.recordedAt()).append("text", e.title());
        }
    }

    private static void takenUp(SharedLearningAdopted e, ViewEvent event, ViewUpdate view) {
        Document shared = view.read(ReportDocuments.sharedId(e.sharedLearningId()));
        Document month = view.edit(ReportDocuments.monthId(e.programmeId(), YearMonth.from(e.happenedOn())));
        if (month != null) {
            ReportDocuments.append(month, ReportDocuments.TAKEN_UP, e.sharedLearningId(), e.placeId(), e.happenedOn(),
                            event.recordedAt())
                    .append("from", shared == null ? null : shared.getString("placeId"))
                    .append("text", shared == null ? null : shared.getString("title"));
        }
    }

    private static void activitySetUp(LearningActivitySetUp e, ViewEvent event, ViewUpdate view) {
        Document activity = view.edit(ReportDocuments.activityId(e.activityId()));
        if (activity != null) {
            ReportDocuments.writeActivity(activity, e.activityId(), e.programmeId(), e.kind(), e.topic(), e.placeIds(),
                    e.ratingScale(), e.usefulOptions());
        }
    }

    private static void sessionHeld(ActivitySessionHeld e, ViewEvent event, ViewUpdate view) {
        Document activity = view.edit(ReportDocuments.activityId(e.activityId()));
        if (activity != null) {
            ReportDocuments.writeSessionDay(activity, e.sessionNumber(), e.happenedOn());
        }
        Document month = view.edit(ReportDocuments.monthId(e.programmeId(), YearMonth.from(e.happenedOn())));
        if (month != null) {
            ReportDocuments.append(month, ReportDocuments.SESSION, e.activityId(), null, e.happenedOn(), event.recordedAt())
                    .append("number", e.sessionNumber())
                    .append("counts", ReportDocuments.counts(new java.util.TreeMap<>(e.attendance())));
        }
    }

    /** A session's forms (a correction when {@code reason} is given), kept in the month of the session's day. */
    private static void evaluated(String activityId, String programmeId, int number, SessionEvaluation evaluation,
                                  String reason, ViewEvent event, ViewUpdate view) {
        LocalDate day = ReportDocuments.sessionDay(view.read(ReportDocuments.activityId(activityId)), number);
        if (day == null) {
            return; // the write side records no evaluation of a session it does not know
        }
        Document month = view.edit(ReportDocuments.monthId(programmeId, YearMonth.from(day)));
        if (month != null) {
            Document entry = ReportDocuments.append(month, reason == null ? ReportDocuments.EVALUATION
                    : ReportDocuments.EVALUATION_REVISED, activityId, null, day, event.recordedAt()).append("reason", reason);
            ReportDocuments.evaluation(entry, number, evaluation.formsReturned(), evaluation.ratings(),
                    evaluation.mostUseful(), evaluation.gotWhatTheyWanted());
        }
    }
}
