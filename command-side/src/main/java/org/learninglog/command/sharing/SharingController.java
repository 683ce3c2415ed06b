package org.learninglog.command.sharing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.Appended;
import org.learninglog.command.CommandInput;
import org.learninglog.command.Identifiers;
import org.learninglog.command.web.Versions;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningRespondedTo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;

@RestController
class SharingController {

    private final CommandGateway commands;
    private final WriteAccess access;

    SharingController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/programmes/{programmeId}/shared-learnings")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> share(@PathVariable String programmeId, @Valid @RequestBody ShareLearningRequest request) {
        access.share(programmeId, request.placeId(), "share learning");
        String sharedLearningId = Identifiers.next();
        AudienceRequest audience = request.audience();
        commands.sendAndWait(new ShareLearningCommand(sharedLearningId, programmeId, request.placeId(),
                request.title(), request.summary(),
                new LearningShared.Audience(Boolean.TRUE.equals(audience.wholeProgramme()), audience.placeIds(),
                        audience.funderIds()),
                request.insightIds(),
                request.adaptations() == null ? List.of() : request.adaptations().stream()
                        .map(ref -> new LearningShared.AdaptationRef(ref.practiceId(), ref.adaptationId())).toList(),
                request.happenedOn(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/shared-learnings/{id}").buildAndExpand(sharedLearningId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0)).body(new Changed(sharedLearningId, 0));
    }

    /**
     * Adds an adoption (201, its Location numbered from 1). If-Match is optional here: adoptions
     * by several places do not conflict with each other.
     */
    @PostMapping("/api/shared-learnings/{sharedLearningId}/adoptions")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> adopt(@PathVariable String sharedLearningId,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody AdoptSharedLearningRequest request) {
        access.sharedLearning(sharedLearningId, request.placeId(), "adopt shared learning");
        Appended adoption = commands.sendAndWait(new AdoptSharedLearningCommand(sharedLearningId,
                Versions.optional(ifMatch), request.placeId(), request.practiceId(), request.adaptationId(),
                request.note(), request.happenedOn(), access.actor()));
        return created(adoption, new Changed(sharedLearningId, adoption.version()));
    }

    /** Adds a response (201, its Location numbered from 1). If-Match is optional here: responses do not conflict with each other. */
    @PostMapping("/api/shared-learnings/{sharedLearningId}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> respond(@PathVariable String sharedLearningId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody RespondRequest request) {
        access.sharedLearning(sharedLearningId, request.placeId(), "respond to shared learning");
        Appended response = commands.sendAndWait(new RespondToSharedLearningCommand(sharedLearningId,
                Versions.optional(ifMatch), request.placeId(), request.kind(), request.text(),
                request.happenedOn(), access.actor()));
        return created(response, new Changed(sharedLearningId, response.version()));
    }

    private static ResponseEntity<Changed> created(Appended item, Changed body) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}")
                        .buildAndExpand(item.number()).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(item.version())).body(body);
    }

    record AudienceRequest(Boolean wholeProgramme,
                           @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> placeIds,
                           @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> funderIds) {
    }

    record AdaptationRequest(@NotBlank @Pattern(regexp = Identifiers.PATTERN) String practiceId,
                             @NotBlank @Pattern(regexp = Identifiers.PATTERN) String adaptationId) {
    }

    /**
     * @param placeId    the sharing place; left out when shared from across the programme
     * @param happenedOn the day it was shared, if not today
     */
    record ShareLearningRequest(
            @Pattern(regexp = Identifiers.PATTERN) String placeId,
            @NotBlank @Size(max = CommandInput.MAX_NAME) String title,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String summary,
            @NotNull @Valid AudienceRequest audience,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> insightIds,
            @Size(max = CommandInput.MAX_LIST) List<@Valid AdaptationRequest> adaptations,
            LocalDate happenedOn) {
    }

    /**
     * @param practiceId   the adopting place's practice, adopted or adapted citing the shared learning
     * @param adaptationId that practice's adaptation, if it was adapted
     * @param happenedOn   the day the place took it up, if not today
     */
    record AdoptSharedLearningRequest(
            @NotBlank @Pattern(regexp = Identifiers.PATTERN) String placeId,
            @NotBlank @Pattern(regexp = Identifiers.PATTERN) String practiceId,
            @Pattern(regexp = Identifiers.PATTERN) String adaptationId,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String note,
            LocalDate happenedOn) {
    }

    /** @param happenedOn the day of the response, if not today */
    record RespondRequest(
            @Pattern(regexp = Identifiers.PATTERN) String placeId,
            @NotNull SharedLearningRespondedTo.Kind kind,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String text,
            LocalDate happenedOn) {
    }

    record Changed(String sharedLearningId, long version) {
    }
}
