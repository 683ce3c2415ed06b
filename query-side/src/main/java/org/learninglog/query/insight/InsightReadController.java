package org.learninglog.query.insight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.journey.VersionHistories;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The read of one insight; the command side's InsightController takes its revisions and retraction. */
@RestController
@Tag(name = "insight", description = "An insight as it reads now, with its version as ETag")
class InsightReadController {

    private final InsightQueries queries;
    private final AccessPolicy access;

    InsightReadController(InsightQueries queries, AccessPolicy access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/insights/{insightId}")
    @Operation(summary = "The insight as it reads now; its ETag is the version a revision or retraction sends back as If-Match")
    ResponseEntity<VersionHistories.InsightReading> insight(@PathVariable String insightId) {
        InsightNow insight = queries.now(insightId);
        access.requireReadPlace(insight.programmeId(), insight.reading().placeId(), "read an insight");
        return ResponseEntity.ok().eTag(Long.toString(insight.version())).body(insight.reading());
    }
}
