package org.learninglog.query.timeline;

import org.learninglog.query.NotFoundException;
import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/places/{placeId}")
class PlaceTimelineController {

    private final PlaceTimelines timelines;
    private final AccessPolicy access;

    PlaceTimelineController(PlaceTimelines timelines, AccessPolicy access) {
        this.access = access;
        this.timelines = timelines;
    }

    @GetMapping("/timeline")
    PlaceTimeline timeline(@PathVariable String placeId) {
        return find(placeId);
    }

    @GetMapping("/insights/{insightId}")
    PlaceTimelineInsight insight(@PathVariable String placeId, @PathVariable String insightId) {
        return find(placeId).entries().stream()
                .filter(entry -> entry.insightId().equals(insightId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("insightId", "No insight with this id is recorded for this place"));
    }

    private PlaceTimeline find(String placeId) {
        PlaceTimeline timeline = timelines.find(placeId)
                .orElseThrow(() -> new NotFoundException("placeId", "No place with this id is known (yet)"));
        access.requireReadPlace(timeline.programmeId(), placeId, "read the timeline");
        return timeline;
    }
}
