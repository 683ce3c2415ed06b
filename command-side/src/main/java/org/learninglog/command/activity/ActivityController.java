package org.learninglog.command.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.Appended;
import org.learninglog.command.CommandInput;
import org.learninglog.command.Identifiers;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.web.MergePatch;
import org.learninglog.command.web.Versions;
import org.learninglog.events.activity.SessionEvaluation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Learning activities: set up by a learning partner or administrator; sessions added as they are
 * held (numbered from 1); each session's evaluation recorded once, then corrected with a reason.
 */
@RestController
class ActivityController {

    private final CommandGateway commands;
    private final WriteAccess access;

    ActivityController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/programmes/{programmeId}/learning-activities")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> setUp(@PathVariable String programmeId, @Valid @RequestBody SetUpRequest request) {
        access.sensemaking(programmeId, "set up a learning activity");
        String activityId = Identifiers.next();
        commands.sendAndWait(new SetUpActivityCommand(activityId, programmeId, request.kind(), request.topic(),
                request.placeIds(), request.startsOn(), request.endsOn(), request.ratingScale(),
                request.usefulOptions(), access.actor()));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/learning-activities/{id}")
                .buildAndExpand(activityId).toUri();
        return ResponseEntity.created(location).header(HttpHeaders.ETAG, Versions.etag(0))
                .body(new Changed(activityId, null, 0));
    }

    /** A session held; If-Match optional (adding a session conflicts with nothing). */
    @PostMapping("/api/learning-activities/{activityId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> session(@PathVariable String activityId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody SessionRequest request) {
        access.activity(activityId, "record a session of a learning activity");
        Appended session = commands.sendAndWait(new RecordActivitySessionCommand(activityId,
                Versions.optional(ifMatch), request.happenedOn(), request.facilitatorId(), request.attendance(),
                request.attendeeIds(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}")
                        .buildAndExpand(session.number()).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(session.version()))
                .body(new Changed(activityId, session.number(), session.version()));
    }

    @PostMapping("/api/learning-activities/{activityId}/sessions/{sessionNumber}/evaluation")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> evaluate(@PathVariable String activityId, @PathVariable int sessionNumber,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody EvaluationRequest request) {
        access.activity(activityId, "record what a session's forms said");
        long version = commands.sendAndWait(new EvaluateSessionCommand(activityId, Versions.optional(ifMatch),
                sessionNumber, request.evaluation(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                .header(HttpHeaders.ETAG, Versions.etag(version)).body(new Changed(activityId, sessionNumber, version));
    }

    @PatchMapping(path = "/api/learning-activities/{activityId}/sessions/{sessionNumber}/evaluation",
            consumes = MergePatch.MEDIA_TYPE)
    ResponseEntity<Changed> revise(@PathVariable String activityId, @PathVariable int sessionNumber,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody EvaluationPatch patch) {
        access.activity(activityId, "correct a session's evaluation");
        long version = commands.sendAndWait(patch.command(activityId, Versions.required(ifMatch), sessionNumber,
                access.actor()));
        return Versions.ok(version, new Changed(activityId, sessionNumber, version));
    }

    /**
     * @param kind          what sort of activity: one of the programme framework's sources
     * @param placeIds      the places taking part
     * @param ratingScale   the forms' rating answers, best first (default excellent, good, fair, poor)
     * @param usefulOptions the choices of "what was most useful"
     */
    record SetUpRequest(
            @NotBlank @Size(max = CommandInput.MAX_LABEL) String kind,
            @NotBlank @Size(max = CommandInput.MAX_NAME) String topic,
            @NotEmpty @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> placeIds,
            @NotNull LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 10) List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> ratingScale,
            @Size(max = CommandInput.MAX_LIST) List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> usefulOptions) {
    }

    /**
     * @param facilitatorId a registered person, if any
     * @param attendance    how many came from each place taking part
     * @param attendeeIds   registered people who came, if recorded
     */
    record SessionRequest(
            @NotNull LocalDate happenedOn,
            @Pattern(regexp = Identifiers.PATTERN) String facilitatorId,
            @Size(max = CommandInput.MAX_LIST) Map<@Pattern(regexp = Identifiers.PATTERN) String, @NotNull @Min(0) Integer> attendance,
            @Size(max = 500) List<@Pattern(regexp = Identifiers.PATTERN) String> attendeeIds) {
    }

    /**
     * @param formsReturned     how many forms came back: the base of every share
     * @param ratings           forms per answer of the rating scale
     * @param mostUseful        forms naming each choice
     * @param gotWhatTheyWanted forms answering all, some or none
     * @param comments          comments no one can be named from
     */
    record EvaluationRequest(
            @NotNull @Min(0) Integer formsReturned,
            @Size(max = 10) Map<@NotBlank String, @NotNull @Min(0) Integer> ratings,
            @Size(max = CommandInput.MAX_LIST) Map<@NotBlank String, @NotNull @Min(0) Integer> mostUseful,
            @Size(max = 3) Map<@NotBlank String, @NotNull @Min(0) Integer> gotWhatTheyWanted,
            @Size(max = CommandInput.MAX_LIST) List<@NotBlank @Size(max = CommandInput.MAX_TEXT) String> comments) {

        SessionEvaluation evaluation() {
            return new SessionEvaluation(formsReturned, ratings, mostUseful, gotWhatTheyWanted, comments, List.of());
        }
    }

    /** What a write answers: the activity, the session it concerns (if any), and the activity's new version. */
    record Changed(String activityId, Integer sessionNumber, long version) {
    }
}
