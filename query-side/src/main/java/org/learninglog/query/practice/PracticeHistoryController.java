package org.learninglog.query.practice;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.learninglog.query.web.KnownParameter;
import org.learninglog.query.web.OnParameter;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@Tag(name = "practice history", description = "Every version of a practice, what triggered it, what came of it")
class PracticeHistoryController {

    private final PracticeQueries queries;
    private final AccessPolicy access;

    PracticeHistoryController(PracticeQueries queries, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/api/practices/{practiceId}/history")
    @Operation(summary = "Every version of the practice with a word-level difference to the one before; with known (asOf), as the record stood then; with on, "
            + "as the story stood by that day. Without either, its ETag is the version a change sends back as If-Match")
    ResponseEntity<PracticeHistory> history(@PathVariable String practiceId,
                                            @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
                                            @RequestParam(required = false) String known,
                                            @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
                                            @RequestParam(required = false) String asOf,
                                            @Parameter(description = OnParameter.DESCRIBED)
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Instant cut = KnownParameter.cut(known, asOf);
        PracticeHistory history = queries.history(practiceId, cut, on);
        access.requireReadPlace(history.programmeId(), history.placeId(), "read a practice's history");
        // The record as it stood then is no version anybody can change.
        return cut == null && on == null ? ResponseEntity.ok().eTag(Long.toString(history.version())).body(history)
                : ResponseEntity.ok(history);
    }
}
