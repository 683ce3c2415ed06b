package org.learninglog.query.funder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.journey.RegisteredDocuments;
import org.learninglog.query.journey.RegisteredReads;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "funder", description = "A funder of a programme")
class FunderReadController {

    private final RegisteredReads reads;
    private final AccessPolicy access;

    FunderReadController(RegisteredReads reads, AccessPolicy access) {
        this.reads = reads;
        this.access = access;
    }

    @GetMapping("/api/programmes/{programmeId}/funders/{funderId}")
    @Operation(summary = "The funder as registered")
    ResponseEntity<FunderReading> funder(@PathVariable String programmeId, @PathVariable String funderId) {
        RegisteredDocuments.Funder funder = reads.funder(programmeId, funderId);
        access.requireRead(programmeId, "read a funder");
        return ResponseEntity.ok().eTag("0").body(new FunderReading(funderId, programmeId, funder.name(), funder.recordedAt()));
    }

    record FunderReading(String funderId, String programmeId, String name, Instant registeredAt) {
    }
}
