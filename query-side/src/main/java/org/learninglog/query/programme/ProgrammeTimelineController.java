package org.learninglog.query.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.web.BadQueryException;
import org.learninglog.query.web.TimelineParameters;
import org.learninglog.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "funder timeline", description = "A programme's timeline across its places, paged, stepped through, jumped to a date, counted")
class ProgrammeTimelineController {

    private final ProgrammeTimelineQueries queries;
    private final AccessPolicy access;

    ProgrammeTimelineController(ProgrammeTimelineQueries queries, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/timeline")
    @Operation(summary = "The programme's lines in the order recorded, filtered like a journey, paged")
    ProgrammeTimeline timeline(@PathVariable String programmeId, TimelineParameters parameters) {
        access.requireRead(programmeId, "read the programme's timeline");
        return queries.timeline(programmeId, parameters.filter(), parameters.pageOrFirst(), parameters.sizeOrDefault());
    }

    @GetMapping("/replay")
    @Operation(summary = "Step k of the replay (the event and the state after it), or with at=, the last step recorded by then")
    ReplayStep replay(@PathVariable String programmeId, @RequestParam(required = false) Long step,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        access.requireRead(programmeId, "replay the programme's timeline");
        if ((step == null) == (at == null)) {
            throw new BadQueryException(step == null ? "step" : "at", step == null
                    ? "is missing: give either step (a whole number from 0) or at (an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z)"
                    : "cannot be given with step: give either step or at, not both");
        }
        return step != null ? queries.step(programmeId, step) : queries.stepAt(programmeId, at);
    }

    @GetMapping("/counts")
    @Operation(summary = "Lines by principle and theme per month, for charts; with asOf, as the record stood then")
    MonthlyCounts counts(@PathVariable String programmeId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        access.requireRead(programmeId, "count the programme's lines");
        return queries.counts(programmeId, asOf);
    }
}
