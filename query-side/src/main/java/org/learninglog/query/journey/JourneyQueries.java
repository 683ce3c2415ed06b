package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.Page;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Answers journey questions from the journey view, by exact keys only. */
@Component
public class JourneyQueries {

    /** Oldest first: by the day it happened, then in the order it was recorded. */
    static final Comparator<TimelineLine> CHRONOLOGICAL = Comparator
            .comparing(TimelineLine::date).thenComparingLong(TimelineLine::position);

    private final LiveViews views;
    private final EvidenceOpener evidence;

    public JourneyQueries(LiveViews views, EvidenceOpener evidence) {
        this.views = views;
        this.evidence = evidence;
    }

    /** The journey with its evidence readable, or marked removed where the person withdrew consent. */
    public PlaceJourney journey(String placeId, TimelineFilter filter, int page, int size) {
        return journey(views.reader(JourneyProjection.NAME), placeId, filter, page, size).opened(evidence);
    }

    /** The journey read from any generation (the tests fold a reference view and read it the same way). */
    public static PlaceJourney journey(ViewReader reader, String placeId, TimelineFilter filter, int page, int size) {
        PlaceDocument place = place(reader, placeId, filter.asOf());
        return new PlaceJourney(placeId, place.programmeId(), place.name(), filter.asOf(),
                lines(reader, placeId, filter, page, size), PracticesAsOf.practicesOf(reader, place, filter.asOf(), filter.on()));
    }

    /**
     * A page of the place's timeline in the story's order: without a filter, or one on the clocks and the
     * period of days, from the pages that can hold it ({@link StoryOrder}).
     */
    static Page<TimelineLine> lines(ViewReader reader, String placeId, TimelineFilter filter, int page, int size) {
        if (StoryOrder.answers(filter)) {
            String key = JourneyProjection.timelineKey(placeId);
            Optional<Page<TimelineLine>> ordered = StoryOrder.page(reader, key, reader.get(key), filter, page, size);
            if (ordered.isPresent()) {
                return ordered.get();
            }
        }
        List<TimelineLine> items = new ArrayList<>(timeline(reader, placeId, filter));
        items.sort(CHRONOLOGICAL);
        return Page.of(items, page, size);
    }

    /** Every entry of the place's timeline that matches, in the order recorded. */
    public static List<TimelineLine> timeline(ViewReader reader, String placeId, TimelineFilter filter) {
        String key = JourneyProjection.timelineKey(placeId);
        Document head = reader.get(key);
        return reader.entries(key, 0, PagedLog.count(head), TimelineLine::of, filter, Integer.MAX_VALUE);
    }

    /** The place, if it was registered (by {@code asOf}, when given). */
    public static PlaceDocument place(ViewReader reader, String placeId, Instant asOf) {
        PlaceDocument place = PlaceDocument.of(reader.get(JourneyProjection.placeId(placeId)));
        if (place == null || place.name() == null || (asOf != null && place.recordedAt().isAfter(asOf))) {
            throw new NotFoundException("placeId", asOf == null ? "No place with this id is known (yet)"
                    : "No place with this id was registered by " + asOf);
        }
        return place;
    }
}
