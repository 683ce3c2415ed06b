package org.learninglog.query.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.activity.ActivityDocuments.Activity;
import org.learninglog.query.activity.ActivityReading.SessionEvaluationReading;
import org.learninglog.query.activity.ActivityReading.ActivitySessionReading;
import org.learninglog.query.activity.ActivityReading.ActivitySummary;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.web.KnownParameter;
import org.learninglog.query.web.OnParameter;
import org.learninglog.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads of learning activities: anyone of the activity's programme may read them; for anyone else
 * an activity is unknown (404), as everything of another programme is. Every read takes the two
 * clocks: {@code known=} (or its former name {@code asOf=}), only what was recorded by then, each
 * evaluation as it stood then; {@code on=}, only the sessions held by that day, with their
 * evaluations. Read on a clock, an activity is no version anybody can change: it has no ETag.
 */
@RestController
@Tag(name = "learning activities", description = "Learning clusters and other activities, their sessions and what participants said of them")
class ActivityReadController {

    private final LiveViews views;
    private final AccessPolicy access;

    ActivityReadController(LiveViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/programmes/{programmeId}/learning-activities")
    @Operation(summary = "The programme's learning activities with their latest best-rating share; with known (asOf), "
            + "as the record stood then; with on, of the sessions held by that day")
    List<ActivitySummary> list(@PathVariable String programmeId,
            @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
            @RequestParam(required = false) String known,
            @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
            @RequestParam(required = false) String asOf,
            @Parameter(description = OnParameter.DESCRIBED)
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Instant cut = KnownParameter.cut(known, asOf);
        access.requireRead(programmeId, "read the learning activities");
        return ActivityQueries.list(views.reader(LearningActivityProjection.NAME), programmeId, cut, on);
    }

    @GetMapping("/api/learning-activities/{activityId}")
    @Operation(summary = "The learning activity, its sessions and the trend of its best rating; with known (asOf), as the "
            + "record stood then; with on, of the sessions held by that day. Without either, its ETag is its version")
    ResponseEntity<ActivityReading> activity(@PathVariable String activityId,
            @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
            @RequestParam(required = false) String known,
            @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
            @RequestParam(required = false) String asOf,
            @Parameter(description = OnParameter.DESCRIBED)
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Instant cut = KnownParameter.cut(known, asOf);
        Activity activity = readable(activityId);
        return answer(activity, cut, on, ActivityQueries.reading(activity, cut, on));
    }

    @GetMapping("/api/learning-activities/{activityId}/sessions/{sessionNumber}")
    @Operation(summary = "One session of the learning activity: its day, attendance and evaluation; on the two clocks as "
            + "the activity is")
    ResponseEntity<ActivitySessionReading> session(@PathVariable String activityId, @PathVariable int sessionNumber,
            @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
            @RequestParam(required = false) String known,
            @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
            @RequestParam(required = false) String asOf,
            @Parameter(description = OnParameter.DESCRIBED)
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Instant cut = KnownParameter.cut(known, asOf);
        Activity activity = readable(activityId);
        return answer(activity, cut, on, ActivityQueries.session(ActivityQueries.at(activity, cut, on), sessionNumber));
    }

    @GetMapping("/api/learning-activities/{activityId}/sessions/{sessionNumber}/evaluation")
    @Operation(summary = "What a session's forms said, each count with its share of the forms returned; with known (asOf), "
            + "as the evaluation stood then")
    ResponseEntity<SessionEvaluationReading> evaluation(@PathVariable String activityId, @PathVariable int sessionNumber,
            @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
            @RequestParam(required = false) String known,
            @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
            @RequestParam(required = false) String asOf,
            @Parameter(description = OnParameter.DESCRIBED)
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Instant cut = KnownParameter.cut(known, asOf);
        Activity activity = readable(activityId);
        return answer(activity, cut, on, ActivityQueries.evaluation(ActivityQueries.at(activity, cut, on), sessionNumber));
    }

    /** The read with the activity's version as its ETag, only as it stands now: a read on a clock is no version to change. */
    private static <T> ResponseEntity<T> answer(Activity activity, Instant known, LocalDate on, T body) {
        return known == null && on == null ? ResponseEntity.ok().eTag(Long.toString(activity.version())).body(body)
                : ResponseEntity.ok(body);
    }

    private Activity readable(String activityId) {
        Activity activity = ActivityQueries.activity(views.reader(LearningActivityProjection.NAME), activityId);
        access.requireRead(activity.programmeId(), "read a learning activity");
        return activity;
    }
}
