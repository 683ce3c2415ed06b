package org.learninglog.query.timeline;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.ViewReader;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a place's timeline from the live generation of the place timeline view, by {@code _id}
 * alone: the place's document, its log's pages (small entries: the whole log is read to put it in
 * the story's order) and the insights of the page asked for, in one {@code $in}.
 */
@Component
public class PlaceTimelines {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    private final LiveViews views;

    public PlaceTimelines(LiveViews views) {
        this.views = views;
    }

    /** The first page of the place's timeline, of the default size. */
    public Optional<PlaceTimeline> find(String placeId) {
        return find(placeId, 0, DEFAULT_SIZE);
    }

    public Optional<PlaceTimeline> find(String placeId, int page, int size) {
        return timeline(views.reader(PlaceTimelineProjection.NAME), placeId, page, size);
    }

    /** The place with the one insight, read by their exact keys (the list is not read). */
    public Optional<PlaceTimeline> insight(String placeId, String insightId) {
        ViewReader reader = views.reader(PlaceTimelineProjection.NAME);
        Document place = reader.get(placeId);
        if (place == null) {
            return Optional.empty();
        }
        List<PlaceTimelineInsight> found = insights(reader, place, placeId, List.of(insightId));
        return Optional.of(timeline(place, found, 0, 1, found.size()));
    }

    /** Page {@code page} (from 0) of {@code size} insights of the place's timeline, oldest first; read from any generation. */
    public static Optional<PlaceTimeline> timeline(ViewReader reader, String placeId, int page, int size) {
        Document place = reader.get(placeId);
        if (place == null) {
            return Optional.empty();
        }
        Map<String, PlaceTimeline.Listed> listed = new LinkedHashMap<>();
        PlaceTimelineInsight.formerEntries(place)
                .forEach((insightId, entry) -> listed.put(insightId, PlaceTimelineInsight.of(insightId, entry).listed()));
        reader.entries(placeId, 0, PagedLog.count(place), PlaceTimeline.Listed::of, entry -> true, Integer.MAX_VALUE)
                .forEach(entry -> listed.putIfAbsent(entry.insightId(), entry));
        List<PlaceTimeline.Listed> ordered = new ArrayList<>(listed.values());
        ordered.sort(PlaceTimeline.CHRONOLOGICAL);
        int from = (int) Math.min(ordered.size(), (long) page * size);
        int to = Math.min(ordered.size(), from + size);
        List<String> wanted = ordered.subList(from, to).stream().map(PlaceTimeline.Listed::insightId).toList();
        return Optional.of(timeline(place, insights(reader, place, placeId, wanted), page, size, ordered.size()));
    }

    /** The insights of {@code insightIds} the place has, in that order: their documents, or a former-shape entry. */
    private static List<PlaceTimelineInsight> insights(ViewReader reader, Document place, String placeId, List<String> insightIds) {
        Map<String, Document> stored = new LinkedHashMap<>();
        reader.getAll(insightIds.stream().map(id -> PlaceTimelineProjection.insightKey(placeId, id)).toList())
                .forEach(insight -> stored.put(insight.getString("_id"), insight));
        Map<String, Document> former = PlaceTimelineInsight.formerEntries(place);
        List<PlaceTimelineInsight> found = new ArrayList<>();
        for (String insightId : insightIds) {
            Document insight = stored.getOrDefault(PlaceTimelineProjection.insightKey(placeId, insightId), former.get(insightId));
            if (insight != null) {
                found.add(PlaceTimelineInsight.of(insightId, insight));
            }
        }
        return found;
    }

    private static PlaceTimeline timeline(Document place, List<PlaceTimelineInsight> entries, int page, int size, long total) {
        return new PlaceTimeline(place.getString("_id"), place.getString("programmeId"), place.getString("name"),
                DocumentFields.instant(place, "registeredAt"), List.copyOf(entries), page, size, total);
    }
}
