package org.learninglog.query.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.web.TimelineParameters;
import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "change journey", description = "A place's timeline and its practices, now or as of any instant")
class JourneyController {

    private final JourneyQueries queries;
    private final AccessPolicy access;

    JourneyController(JourneyQueries queries, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/api/places/{placeId}/journey")
    @Operation(summary = "The place's change journey, filtered and paged; with known (asOf), the record as it stood then; with on, the lines that had happened by that day")
    PlaceJourney journey(@PathVariable String placeId, TimelineParameters parameters) {
        PlaceJourney journey = queries.journey(placeId, parameters.filter(), parameters.pageOrFirst(), parameters.sizeOrDefault());
        access.requireReadPlace(journey.programmeId(), placeId, "read the journey");
        return journey;
    }
}
