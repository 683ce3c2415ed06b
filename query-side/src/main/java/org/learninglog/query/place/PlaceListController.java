package org.learninglog.query.place;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class PlaceListController {

    private final PlaceLists lists;

    PlaceListController(PlaceLists lists) {
        this.lists = lists;
    }

    /** A programme's places. The programme is required: nothing of one programme is listed with another's. */
    @GetMapping("/api/places")
    List<PlaceSummary> places(@RequestParam String programmeId) {
        return lists.placesOf(programmeId);
    }
}
