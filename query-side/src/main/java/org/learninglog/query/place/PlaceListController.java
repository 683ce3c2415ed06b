package org.learninglog.query.place;

import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class PlaceListController {

    private final PlaceLists lists;
    private final AccessPolicy access;

    PlaceListController(PlaceLists lists, AccessPolicy access) {
        this.access = access;
        this.lists = lists;
    }

    /** A programme's places. The programme is required: nothing of one programme is listed with another's. */
    @GetMapping("/api/places")
    List<PlaceSummary> places(@RequestParam String programmeId) {
        access.requireRead(programmeId, "list the places");
        return lists.placesOf(programmeId);
    }
}
