package org.learninglog.query.flow;

import org.bson.Document;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.query.flow.FlowDocuments.Adoption;
import org.learninglog.query.flow.FlowDocuments.Origin;
import org.learninglog.query.flow.FlowDocuments.Place;
import org.learninglog.query.flow.FlowDocuments.Share;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.DispatchingProjection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

/**
 * Which learning travelled from which place to which: one document per programme with its places,
 * every share (from, to whom, when) and every adoption (from, by, when). Each item keeps its
 * recording instant, so the flow folds to any date. A share's origin is remembered, to draw the
 * adoption's edge. The documents are described in {@link FlowDocuments}.
 */
@Component
public class LearningFlowProjection extends DispatchingProjection {

    public static final String NAME = "learning-flow";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(PlaceRegistered.class, LearningFlowProjection::placeRegistered)
            .on(LearningShared.class, LearningFlowProjection::learningShared)
            .on(SharedLearningAdopted.class, LearningFlowProjection::sharedLearningAdopted);

    public LearningFlowProjection() {
        super(NAME, HANDLERS);
    }

    private static void placeRegistered(PlaceRegistered e, ViewEvent event, ViewUpdate view) {
        append(view, e.programmeId(), new Place(e.placeId(), e.name(), event.position(), event.recordedAt()));
    }

    private static void learningShared(LearningShared e, ViewEvent event, ViewUpdate view) {
        Document origin = view.edit(FlowDocuments.originId(e.sharedLearningId()));
        if (origin != null) {
            new Origin(e.placeId()).writeTo(origin);
        }
        append(view, e.programmeId(), new Share(e.sharedLearningId(), e.placeId(), e.title(), e.audience().wholeProgramme(),
                e.audience().placeIds(), e.happenedOn(), event.position(), event.recordedAt()));
    }

    private static void sharedLearningAdopted(SharedLearningAdopted e, ViewEvent event, ViewUpdate view) {
        Origin origin = Origin.of(view.read(FlowDocuments.originId(e.sharedLearningId())));
        append(view, e.programmeId(), new Adoption(e.sharedLearningId(), origin == null ? null : origin.placeId(), e.placeId(),
                e.practiceId(), e.adaptationId(), e.happenedOn(), event.position(), event.recordedAt()));
    }

    private static void append(ViewUpdate view, String programmeId, FlowDocuments.Item item) {
        Document flow = view.edit(FlowDocuments.flowId(programmeId));
        if (flow != null) {
            item.appendTo(flow);
        }
    }
}
