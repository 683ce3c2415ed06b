package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.Bson;
import org.learninglog.query.view.Entry;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.Recorded;
import org.learninglog.query.view.ViewWrite;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Each place's change journey: its place document, its timeline as a paged log
 * ({@code tl:<placeId>}), and one document per insight holding every version of it with the
 * instant each was recorded, so that any view can fold it to a past instant.
 */
@Component
public class JourneyProjection implements Projection {

    public static final String NAME = "journey";

    @Override
    public String name() {
        return NAME;
    }

    public static String placeId(String placeId) {
        return "place:" + placeId;
    }

    public static String timelineKey(String placeId) {
        return "tl:" + placeId;
    }

    public static String insightId(String insightId) {
        return "insight:" + insightId;
    }

    @Override
    public void apply(Recorded event, ViewWrite view) {
        Object payload = event.payload();
        if (payload instanceof PlaceRegistered registered) {
            placeRegistered(event, registered, view);
        } else if (payload instanceof InsightRecorded recorded) {
            insightRecorded(event, recorded, view);
        }
    }

    private void placeRegistered(Recorded event, PlaceRegistered registered, ViewWrite view) {
        Document place = view.edit(placeId(registered.placeId()));
        if (place != null) {
            place.append("programmeId", registered.programmeId())
                    .append("name", registered.name())
                    .append("registeredAt", Bson.date(registered.registeredAt()))
                    .append("at", Bson.date(event.recordedAt()));
        }
    }

    private void insightRecorded(Recorded event, InsightRecorded recorded, ViewWrite view) {
        Entry.Facets facets = Entry.Facets.ofTags(recorded.tags());
        Document insight = view.edit(insightId(recorded.insightId()));
        if (insight != null) {
            insight.append("placeId", recorded.placeId()).append("programmeId", recorded.programmeId());
            Bson.appendable(insight, "versions").add(version(event, "recorded", recorded.text(), null, facets)
                    .append("happenedOn", recorded.happenedOn() == null ? null : recorded.happenedOn().toString())
                    .append("recordedBy", recorded.recordedBy()));
        }
        PagedLog.append(view, timelineKey(recorded.placeId()), Entry.of(event, "insight-recorded", recorded.placeId(),
                recorded.programmeId(), recorded.insightId(), recorded.happenedOn(), recorded.text(), facets, List.of()), null);
    }

    /** One version of an entity: when it was recorded (and at which position), what it said, and why it changed. */
    static Document version(Recorded event, String kind, String text, String reason, Entry.Facets facets) {
        return new Document("pos", event.position())
                .append("at", Bson.date(event.recordedAt()))
                .append("kind", kind)
                .append("text", text)
                .append("reason", reason)
                .append("principles", Bson.list(facets.principles()))
                .append("themes", Bson.list(facets.themes()))
                .append("layer", facets.layer())
                .append("sphere", facets.sphere())
                .append("source", facets.source())
                .append("tags", Bson.list(facets.tags()));
    }
}
