package org.learninglog.query.funder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.LiveViews;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "funder", description = "A funder of a programme")
class FunderReadController {

    private final LiveViews views;
    private final AccessPolicy access;

    FunderReadController(LiveViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/programmes/{programmeId}/funders/{funderId}")
    @Operation(summary = "The funder as registered")
    ResponseEntity<FunderReading> funder(@PathVariable String programmeId, @PathVariable String funderId) {
        Document funder = views.reader(JourneyProjection.NAME).get(JourneyProjection.funderId(funderId));
        if (funder == null || !programmeId.equals(funder.getString("programmeId"))) {
            throw new NotFoundException("funderId", "No funder with this id is registered in this programme (yet)");
        }
        access.requireRead(programmeId, "read a funder");
        return ResponseEntity.ok().eTag("0").body(new FunderReading(funderId, programmeId, funder.getString("name"),
                DocumentFields.instant(funder, "at")));
    }

    record FunderReading(String funderId, String programmeId, String name, Instant registeredAt) {
    }
}
