package org.learninglog.query.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.web.BadQueryException;
import org.learninglog.query.web.KnownParameter;
import org.learninglog.query.web.OnParameter;
import org.learninglog.query.web.TimelineParameters;
import org.learninglog.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "funder timeline", description = "A programme's timeline across its places, paged, stepped through, jumped to a date, counted")
class ProgrammeTimelineController {

    private static final String ORDER = "story: by the day things happened on, then in the order recorded; "
            + "recorded: in the order the record grew";

    private final ProgrammeTimelineQueries queries;
    private final AccessPolicy access;

    ProgrammeTimelineController(ProgrammeTimelineQueries queries, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/timeline")
    @Operation(summary = "The programme's lines in the order recorded (or the story's), filtered like a journey, paged")
    ProgrammeTimeline timeline(@PathVariable String programmeId, TimelineParameters parameters,
                               @Parameter(description = ORDER + " (the default)")
                               @RequestParam(defaultValue = "recorded") ClockOrder order) {
        access.requireRead(programmeId, "read the programme's timeline");
        return queries.timeline(programmeId, parameters.filter(), order, parameters.pageOrFirst(), parameters.sizeOrDefault());
    }

    @GetMapping("/replay")
    @Operation(summary = "Step k of the replay (the event and the state after it), in the story's order unless order=recorded; "
            + "or with on= (story order) or at= (recorded order), the last step by then")
    ReplayStep replay(@PathVariable String programmeId, @RequestParam(required = false) Long step,
                      @Parameter(description = "In recorded order: the last step recorded by this ISO-8601 instant")
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
                      @Parameter(description = "In story order: the last step that happened by the end of this ISO-8601 day")
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                      @Parameter(description = "In story order: " + KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
                      @RequestParam(required = false) String known,
                      @Parameter(description = ORDER + ". The story is the default: a programme's replay shows how it "
                              + "unfolded; the record's order (how the record grew) is for auditors")
                      @RequestParam(defaultValue = "story") ClockOrder order) {
        access.requireRead(programmeId, "replay the programme's timeline");
        LocalDate day = on;
        Instant jump = at;
        if (order == ClockOrder.recorded && on != null) {
            throw new BadQueryException(OnParameter.ON, "is a story day: leave order=recorded out to step through the story, or give at= to jump in recorded order");
        }
        if (order == ClockOrder.recorded && known != null) {
            throw new BadQueryException(KnownParameter.KNOWN, "cuts the story order's replay: in recorded order, at= jumps to the last step recorded by then");
        }
        if (order == ClockOrder.story && at != null) {
            throw new BadQueryException("at", "is a recording instant: give on= (a day) to jump in story order (the default), or order=recorded with at=");
        }
        String jumpName = order == ClockOrder.story ? "on" : "at";
        boolean jumps = order == ClockOrder.story ? day != null : jump != null;
        if ((step == null) == !jumps) {
            throw new BadQueryException(step == null ? "step" : jumpName, step == null
                    ? "is missing: give either step (a whole number from 1) or " + jumpName + (order == ClockOrder.story
                    ? " (an ISO-8601 day, e.g. 2025-03-01)" : " (an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z)")
                    : "cannot be given with step: give either step or " + jumpName + ", not both");
        }
        if (order == ClockOrder.story) {
            Instant cut = KnownParameter.cut(known, null);
            return step != null ? queries.storyStep(programmeId, step, cut) : queries.storyStepOn(programmeId, day, cut);
        }
        return step != null ? queries.step(programmeId, step) : queries.stepAt(programmeId, jump);
    }

    @GetMapping("/counts")
    @Operation(summary = "Lines by principle and theme per month, for charts; with known, as the record stood then; with on, "
            + "what had happened by that day")
    MonthlyCounts counts(@PathVariable String programmeId,
                         @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
                         @RequestParam(required = false) String known,
                         @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
                         @RequestParam(required = false) String asOf,
                         @Parameter(description = OnParameter.DESCRIBED)
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                         @Parameter(description = "The month a line is counted in: story, of the day it happened on (the default); "
                                 + "recorded, of the day it was recorded (UTC)")
                         @RequestParam(defaultValue = "story") ClockOrder by) {
        access.requireRead(programmeId, "count the programme's lines");
        return queries.counts(programmeId, KnownParameter.cut(known, asOf), on, by);
    }
}
