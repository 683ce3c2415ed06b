package org.learninglog.command.practice;

import com.fasterxml.jackson.annotation.JsonAlias;
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
import org.learninglog.events.practice.AdaptationOutcomeReviewed.Outcome;
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
class PracticeController {

    private final CommandGateway commands;
    private final WriteAccess access;

    PracticeController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/places/{placeId}/practices")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> adopt(@PathVariable String placeId, @Valid @RequestBody AdoptPracticeRequest request) {
        access.writeFor(placeId, "adopt a practice");
        String practiceId = Identifiers.next();
        commands.sendAndWait(new AdoptPracticeCommand(practiceId, placeId, request.name(), request.description(),
                request.why(), request.insightIds(), request.sharedLearningIds(), request.decidedBy(), request.forum(),
                request.happenedOn(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/practices/{id}").buildAndExpand(practiceId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0)).body(new Changed(practiceId, null, 0));
    }

    @PostMapping("/api/practices/{practiceId}/adaptations")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> adapt(@PathVariable String practiceId,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody AdaptPracticeRequest request) {
        access.practice(practiceId, "adapt a practice");
        String adaptationId = Identifiers.next();
        long version = commands.sendAndWait(new AdaptPracticeCommand(practiceId, Versions.required(ifMatch),
                adaptationId, request.becomes(), request.why(), request.insightIds(), request.sharedLearningIds(),
                request.decidedBy(), request.forum(), request.happenedOn(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(adaptationId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(version)).body(new Changed(practiceId, adaptationId, version));
    }

    @PostMapping("/api/practices/{practiceId}/retirement")
    ResponseEntity<Changed> retire(@PathVariable String practiceId,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody RetirePracticeRequest request) {
        access.practice(practiceId, "retire a practice");
        long version = commands.sendAndWait(new RetirePracticeCommand(practiceId, Versions.required(ifMatch),
                request.why(), request.insightIds(), request.happenedOn(), access.actor()));
        return Versions.ok(version, new Changed(practiceId, null, version));
    }

    /** Adds an outcome review to the adaptation (201, its Location numbered from 1 among the adaptation's reviews). */
    @PostMapping("/api/practices/{practiceId}/adaptations/{adaptationId}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Changed> review(@PathVariable String practiceId, @PathVariable String adaptationId,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody ReviewOutcomeRequest request) {
        access.practice(practiceId, "review an outcome");
        Appended review = commands.sendAndWait(new ReviewAdaptationOutcomeCommand(practiceId,
                Versions.required(ifMatch), adaptationId, request.outcome(), request.notes(), request.insightIds(),
                request.happenedOn(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}")
                        .buildAndExpand(review.number()).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(review.version()))
                .body(new Changed(practiceId, adaptationId, review.version()));
    }

    /**
     * @param insightIds        insights behind the decision
     * @param sharedLearningIds shared learning it takes up, if any
     * @param decidedBy         identifiers of the registered people who decided
     * @param forum             where it was decided
     * @param happenedOn        the day it was decided, if not today
     */
    record AdoptPracticeRequest(
            @NotBlank @Size(max = CommandInput.MAX_NAME) String name,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String description,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String why,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> insightIds,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> sharedLearningIds,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> decidedBy,
            @NotBlank @Size(max = CommandInput.MAX_NAME) String forum,
            @JsonAlias("occurredOn") LocalDate happenedOn) {
    }

    /** What the practice becomes, why, on which insights, who decided where. */
    record AdaptPracticeRequest(
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String becomes,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String why,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> insightIds,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> sharedLearningIds,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> decidedBy,
            @NotBlank @Size(max = CommandInput.MAX_NAME) String forum,
            @JsonAlias("occurredOn") LocalDate happenedOn) {
    }

    record RetirePracticeRequest(
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String why,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> insightIds,
            @JsonAlias("occurredOn") LocalDate happenedOn) {
    }

    record ReviewOutcomeRequest(
            @NotNull Outcome outcome,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String notes,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> insightIds,
            @JsonAlias("reviewedOn") LocalDate happenedOn) {
    }

    /** @param adaptationId the adaptation made or reviewed; {@code null} for the practice as a whole */
    record Changed(String practiceId, String adaptationId, long version) {
    }
}
