package org.learninglog.query.timeline;

import org.learninglog.query.NotFoundException;
import org.learninglog.query.web.BadQueryException;
import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** Described in the API description's words (learninglog-api.yml): paged like the other lists. */
    @GetMapping("/timeline")
    PlaceTimeline timeline(@PathVariable String placeId,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "" + PlaceTimelines.DEFAULT_SIZE) int size) {
        if (page < 0) {
            throw new BadQueryException("page", "must be 0 or more");
        }
        if (size < 1 || size > PlaceTimelines.MAX_SIZE) {
            throw new BadQueryException("size", "must be between 1 and " + PlaceTimelines.MAX_SIZE);
        }
        return readable(timelines.find(placeId, page, size), placeId);
    }

    @GetMapping("/insights/{insightId}")
    PlaceTimelineInsight insight(@PathVariable String placeId, @PathVariable String insightId) {
        return readable(timelines.insight(placeId, insightId), placeId).entries().stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("insightId", "No insight with this id is recorded for this place"));
    }

    private PlaceTimeline readable(java.util.Optional<PlaceTimeline> found, String placeId) {
        PlaceTimeline timeline = found
                .orElseThrow(() -> new NotFoundException("placeId", "No place with this id is known (yet)"));
        access.requireReadPlace(timeline.programmeId(), placeId, "read the timeline");
        return timeline;
    }
}
