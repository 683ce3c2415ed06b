package org.learninglog.query.flow;

import org.bson.Document;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

/**
 * Which learning travelled from which place to which: one document per programme
 * ({@code flow:<programmeId>}) with its places, every share (from, to whom, when) and every
 * adoption (from, by, when). Each item keeps its recording instant, so the flow folds to any date.
 * A share's origin is remembered in {@code origin:<sharedLearningId>}, to draw the adoption's edge.
 */
@Component
public class LearningFlowProjection implements Projection {

    public static final String NAME = "learning-flow";

    @Override
    public String name() {
        return NAME;
    }

    public static String flowId(String programmeId) {
        return "flow:" + programmeId;
    }

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        Object payload = event.payload();
        if (payload instanceof PlaceRegistered e) {
            Document flow = view.edit(flowId(e.programmeId()));
            if (flow != null) {
                DocumentFields.appendable(flow, "places").add(stamp(event, new Document("placeId", e.placeId()).append("name", e.name())));
            }
        } else if (payload instanceof LearningShared e) {
            Document origin = view.edit("origin:" + e.sharedLearningId());
            if (origin != null) {
                origin.append("placeId", e.placeId());
            }
            Document flow = view.edit(flowId(e.programmeId()));
            if (flow != null) {
                DocumentFields.appendable(flow, "shares").add(stamp(event, new Document("sharedLearningId", e.sharedLearningId())
                        .append("from", e.placeId()).append("title", e.title())
                        .append("wholeProgramme", e.audience().wholeProgramme())
                        .append("to", DocumentFields.list(e.audience().placeIds()))));
            }
        } else if (payload instanceof SharedLearningAdopted e) {
            Document origin = view.read("origin:" + e.sharedLearningId());
            Document flow = view.edit(flowId(e.programmeId()));
            if (flow != null) {
                DocumentFields.appendable(flow, "adoptions").add(stamp(event, new Document("sharedLearningId", e.sharedLearningId())
                        .append("from", origin == null ? null : origin.getString("placeId")).append("by", e.placeId())
                        .append("practiceId", e.practiceId()).append("adaptationId", e.adaptationId())));
            }
        }
    }

    private static Document stamp(ViewEvent event, Document value) {
        return value.append("pos", event.position()).append("at", DocumentFields.date(event.recordedAt()));
    }
}
