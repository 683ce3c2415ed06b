package org.learninglog.query.flow;

import org.bson.Document;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.query.flow.FlowDocuments.Adoption;
import org.learninglog.query.flow.FlowDocuments.Flow;
import org.learninglog.query.flow.FlowDocuments.Origin;
import org.learninglog.query.flow.FlowDocuments.Place;
import org.learninglog.query.flow.FlowDocuments.Share;
import org.learninglog.query.flow.FlowDocuments.Travelled;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.DispatchingProjection;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

/**
 * Which learning travelled from which place to which: per programme, a document with its places
 * (few) and the flow's running tallies, heading a paged log of every share (from, to whom, when)
 * and every adoption (from, by, when). Each item keeps its recording instant, so the flow folds to
 * any date; the tallies answer the flow as it stands without folding. A batch writes the document
 * and the log's last page, never the whole history. A share's origin is remembered, to draw the
 * adoption's edge. The documents are described in {@link FlowDocuments}; a flow document of the
 * former shape (every item in it) goes on being written that way until the view is rebuilt.
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
        Document flow = flow(view, e.programmeId());
        if (flow == null) {
            return;
        }
        Place place = new Place(e.placeId(), e.name(), event.position(), event.recordedAt());
        FlowTallies tallies = FlowTallies.of(flow);
        if (tallies != null) {
            tallies.placeRegistered(place, Flow.places(flow));
        }
        place.appendTo(flow);
    }

    private static void learningShared(LearningShared e, ViewEvent event, ViewUpdate view) {
        Document origin = view.edit(FlowDocuments.originId(e.sharedLearningId()));
        if (origin != null) {
            new Origin(e.placeId()).writeTo(origin);
        }
        Share share = new Share(e.sharedLearningId(), e.placeId(), e.title(), e.audience().wholeProgramme(),
                e.audience().placeIds(), e.happenedOn(), event.position(), event.recordedAt());
        Document flow = flow(view, e.programmeId());
        FlowTallies tallies = flow == null ? null : FlowTallies.of(flow);
        if (tallies != null) {
            tallies.shared(share, Flow.places(flow));
        }
        travelled(view, e.programmeId(), flow, share);
    }

    private static void sharedLearningAdopted(SharedLearningAdopted e, ViewEvent event, ViewUpdate view) {
        Origin origin = Origin.of(view.read(FlowDocuments.originId(e.sharedLearningId())));
        Adoption adoption = new Adoption(e.sharedLearningId(), origin == null ? null : origin.placeId(), e.placeId(),
                e.practiceId(), e.adaptationId(), e.happenedOn(), event.position(), event.recordedAt());
        Document flow = flow(view, e.programmeId());
        FlowTallies tallies = flow == null ? null : FlowTallies.of(flow);
        if (tallies != null) {
            tallies.adopted(adoption);
        }
        travelled(view, e.programmeId(), flow, adoption);
    }

    /** The programme's flow document to change, started in the paged shape if new; {@code null} if this event is on it. */
    private static Document flow(ViewUpdate view, String programmeId) {
        Document flow = view.edit(FlowDocuments.flowId(programmeId));
        if (flow != null && FlowDocuments.isNew(flow)) {
            FlowTallies.start(flow);
        }
        return flow;
    }

    /** A share or adoption goes on the flow's log, or into the document itself if it is of the former shape. */
    private static void travelled(ViewUpdate view, String programmeId, Document flow, Travelled item) {
        if (flow == null) {
            return;
        }
        if (FlowDocuments.isPaged(flow)) {
            PagedLog.append(view, FlowDocuments.flowId(programmeId), item.entry(), null);
        } else {
            item.appendTo(flow);
        }
    }
}
