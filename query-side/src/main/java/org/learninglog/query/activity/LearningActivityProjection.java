package org.learninglog.query.activity;

import org.bson.Document;
import org.learninglog.events.activity.ActivitySessionHeld;
import org.learninglog.events.activity.LearningActivitySetUp;
import org.learninglog.events.activity.SessionEvaluated;
import org.learninglog.events.activity.SessionEvaluationRevised;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Learning activities, their sessions and what the sessions' forms said: one document per activity
 * and one list of activities per programme (see {@link ActivityDocuments}). The forms' results are
 * kept as counts; shares are worked out as they are read, each beside its base. Every session and
 * every version of an evaluation keeps the instant it was recorded, for reads on the record's clock.
 */
@Component
public class LearningActivityProjection implements Projection {

    public static final String NAME = "learning-activities";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(LearningActivitySetUp.class, LearningActivityProjection::setUp)
            .on(ActivitySessionHeld.class, LearningActivityProjection::sessionHeld)
            .on(SessionEvaluated.class, LearningActivityProjection::evaluated)
            .on(SessionEvaluationRevised.class, LearningActivityProjection::revised);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        HANDLERS.handle(event, view);
    }

    private static void setUp(LearningActivitySetUp e, ViewEvent event, ViewUpdate view) {
        Document activity = view.edit(ActivityDocuments.activityId(e.activityId()));
        if (activity != null) {
            ActivityDocuments.writeSetUp(activity, e.activityId(), e.programmeId(), e.kind(), e.topic(), e.placeIds(),
                    e.startsOn(), e.endsOn(), e.ratingScale(), e.usefulOptions(), event.recordedAt());
        }
        Document programme = view.edit(ActivityDocuments.programmeId(e.programmeId()));
        if (programme != null) {
            List<String> ids = new ArrayList<>(DocumentFields.strings(programme, "activityIds"));
            if (!ids.contains(e.activityId())) {
                ids.add(e.activityId());
            }
            programme.put("activityIds", ids);
        }
    }

    private static void sessionHeld(ActivitySessionHeld e, ViewEvent event, ViewUpdate view) {
        Document activity = edit(view, e.activityId());
        if (activity != null) {
            ActivityDocuments.appendSession(activity, e.sessionNumber(), e.happenedOn(), e.facilitatorId(),
                    DocumentFields.strings(activity, "placeIds"), e.attendance(), event.recordedAt());
        }
    }

    private static void evaluated(SessionEvaluated e, ViewEvent event, ViewUpdate view) {
        Document activity = edit(view, e.activityId());
        if (activity != null) {
            ActivityDocuments.addEvaluation(activity, e.sessionNumber(), e.evaluation(), null, event.recordedAt());
        }
    }

    private static void revised(SessionEvaluationRevised e, ViewEvent event, ViewUpdate view) {
        Document activity = edit(view, e.activityId());
        if (activity != null) {
            ActivityDocuments.addEvaluation(activity, e.sessionNumber(), e.evaluation(), e.reason(), event.recordedAt());
        }
    }

    /** The activity's document to change, its event counted; {@code null} if this event was applied already. */
    private static Document edit(ViewUpdate view, String activityId) {
        Document activity = view.edit(ActivityDocuments.activityId(activityId));
        if (activity != null) {
            ActivityDocuments.countEvent(activity);
        }
        return activity;
    }
}
