package org.learninglog.query.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.activity.ActivityDocuments.Activity;
import org.learninglog.query.activity.ActivityReading.SessionEvaluationReading;
import org.learninglog.query.activity.ActivityReading.ActivitySessionReading;
import org.learninglog.query.activity.ActivityReading.ActivitySummary;
import org.learninglog.query.view.LiveViews;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Reads of learning activities: anyone of the activity's programme may read them; for anyone else
 * an activity is unknown (404), as everything of another programme is.
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
    @Operation(summary = "The programme's learning activities with their latest best-rating share")
    List<ActivitySummary> list(@PathVariable String programmeId) {
        access.requireRead(programmeId, "read the learning activities");
        return ActivityQueries.list(views.reader(LearningActivityProjection.NAME), programmeId);
    }

    @GetMapping("/api/learning-activities/{activityId}")
    @Operation(summary = "The learning activity, its sessions and the trend of its best rating")
    ResponseEntity<ActivityReading> activity(@PathVariable String activityId) {
        Activity activity = readable(activityId);
        return ResponseEntity.ok().eTag(Long.toString(activity.version())).body(ActivityQueries.reading(activity));
    }

    @GetMapping("/api/learning-activities/{activityId}/sessions/{sessionNumber}")
    @Operation(summary = "One session of the learning activity: its day, attendance and evaluation")
    ResponseEntity<ActivitySessionReading> session(@PathVariable String activityId, @PathVariable int sessionNumber) {
        Activity activity = readable(activityId);
        return ResponseEntity.ok().eTag(Long.toString(activity.version())).body(ActivityQueries.session(activity, sessionNumber));
    }

    @GetMapping("/api/learning-activities/{activityId}/sessions/{sessionNumber}/evaluation")
    @Operation(summary = "What a session's forms said, each count with its share of the forms returned")
    ResponseEntity<SessionEvaluationReading> evaluation(@PathVariable String activityId, @PathVariable int sessionNumber) {
        Activity activity = readable(activityId);
        return ResponseEntity.ok().eTag(Long.toString(activity.version()))
                .body(ActivityQueries.evaluation(activity, sessionNumber));
    }

    private Activity readable(String activityId) {
        Activity activity = ActivityQueries.activity(views.reader(LearningActivityProjection.NAME), activityId);
        access.requireRead(activity.programmeId(), "read a learning activity");
        return activity;
    }
}
