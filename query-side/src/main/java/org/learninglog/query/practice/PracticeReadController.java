package org.learninglog.query.practice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of what the command side's PracticeController creates: a practice, an adaptation of it
 * and an outcome review of an adaptation. Each answers with the practice's version as ETag, the
 * version an adaptation, retirement or review sends back as If-Match.
 */
@RestController
@Tag(name = "practice", description = "A practice as it works now, its adaptations and their outcome reviews")
class PracticeReadController {

    private final PracticeQueries queries;
    private final AccessPolicy access;

    PracticeReadController(PracticeQueries queries, AccessPolicy access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/practices/{practiceId}")
    @Operation(summary = "The practice as it works now; its ETag is the version a change sends back as If-Match")
    ResponseEntity<PracticeReading> practice(@PathVariable String practiceId) {
        PracticeHistory history = queries.history(practiceId, null, null);
        access.requireReadPlace(history.programmeId(), history.placeId(), "read a practice");
        return ResponseEntity.ok().eTag(Long.toString(history.version())).body(PracticeReading.of(history));
    }

    @GetMapping("/api/practices/{practiceId}/adaptations/{adaptationId}")
    @Operation(summary = "One adaptation of the practice: what it was, what it became, why, and its outcome reviews")
    ResponseEntity<PracticeReading.Adaptation> adaptation(@PathVariable String practiceId, @PathVariable String adaptationId) {
        PracticeHistory history = queries.history(practiceId, null, null);
        access.requireReadPlace(history.programmeId(), history.placeId(), "read an adaptation");
        return ResponseEntity.ok().eTag(Long.toString(history.version())).body(PracticeReading.adaptation(history, adaptationId));
    }

    @GetMapping("/api/practices/{practiceId}/adaptations/{adaptationId}/reviews/{number}")
    @Operation(summary = "One outcome review of the adaptation, numbered from 1 in the order they were recorded")
    PracticeHistory.Outcome review(@PathVariable String practiceId, @PathVariable String adaptationId, @PathVariable int number) {
        PracticeHistory history = queries.history(practiceId, null, null);
        access.requireReadPlace(history.programmeId(), history.placeId(), "read an outcome review");
        return PracticeReading.review(history, adaptationId, number);
    }
}
