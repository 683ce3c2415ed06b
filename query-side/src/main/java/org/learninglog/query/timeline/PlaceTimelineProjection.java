package org.learninglog.query.timeline;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.DispatchingProjection;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

/**
 * Each place's timeline of insights, kept in documents that stay small however many insights a
 * place has: the place's document ({@code _id} = place id: its name and registration) is the head
 * of a {@link PagedLog} listing its insights in the order recorded ({@code <placeId>#<n>}, each
 * entry its id and what orders it), and each insight has a document of its own
 * ({@code insight:<placeId>|<insightId>}) with its text. A revision changes only the insight's
 * document (text and tags; it keeps when and by whom it was recorded). An insight that arrives
 * before its place is kept, and the place fills in later.
 *
 * <p>Until this version a place's document held every insight under {@code entries.<insightId>}
 * (megabytes for a place of tens of thousands, rewritten every batch). Such a document is still
 * read, and its insights revised where they are, until the view is rebuilt.
 */
@Component
public class PlaceTimelineProjection extends DispatchingProjection {

    public static final String NAME = "place-timeline";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(PlaceRegistered.class, PlaceTimelineProjection::placeRegistered)
            .on(InsightRecorded.class, PlaceTimelineProjection::insightRecorded)
            .on(InsightRevised.class, PlaceTimelineProjection::insightRevised);

    public PlaceTimelineProjection() {
        super(NAME, HANDLERS);
    }

    /** The document of an insight of a place: by both ids, so an insight is found only under its own place. */
    public static String insightKey(String placeId, String insightId) {
        return "insight:" + placeId + "|" + insightId;
    }

    private static void placeRegistered(PlaceRegistered e, ViewEvent event, ViewUpdate view) {
        Document place = view.edit(e.placeId());
        if (place != null) {
            PlaceTimeline.registered(place, e.programmeId(), e.name(), e.registeredAt());
        }
    }

    private static void insightRecorded(InsightRecorded e, ViewEvent event, ViewUpdate view) {
        PlaceTimelineInsight insight = new PlaceTimelineInsight(e.insightId(), e.text(), e.labels(), e.happenedOn(),
                e.recordedAt(), e.recordedBy());
        Document stored = view.edit(insightKey(e.placeId(), e.insightId()));
        if (stored != null) {
            insight.writeTo(stored);
        }
        PagedLog.append(view, e.placeId(), insight.listed().toDocument(), null);
    }

    private static void insightRevised(InsightRevised e, ViewEvent event, ViewUpdate view) {
        String key = insightKey(e.placeId(), e.insightId());
        if (view.read(key) != null) {
            Document insight = view.edit(key);
            if (insight != null) {
                PlaceTimelineInsight.revised(insight, e.text(), e.labels());
            }
        } else if (PlaceTimelineInsight.formerEntries(view.read(e.placeId())).containsKey(e.insightId())) {
            Document place = view.edit(e.placeId());
            if (place != null) {
                PlaceTimelineInsight.revised(PlaceTimelineInsight.formerEntries(place).get(e.insightId()), e.text(), e.labels());
            }
        }
    }
}
