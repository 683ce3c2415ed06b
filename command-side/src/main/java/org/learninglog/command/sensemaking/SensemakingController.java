package org.learninglog.command.sensemaking;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.CommandInput;
import org.learninglog.command.Identifiers;
import org.learninglog.command.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;

@RestController
class SensemakingController {

    private final CommandGateway commands;
    private final WriteAccess access;

    SensemakingController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/programmes/{programmeId}/sensemaking-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Held> hold(@PathVariable String programmeId, @Valid @RequestBody HoldSensemakingRequest request) {
        access.sensemaking(programmeId, "record a sensemaking session");
        String sessionId = Identifiers.next();
        commands.sendAndWait(new HoldSensemakingCommand(sessionId, programmeId, request.title(),
                request.participantIds(), request.placeIds(), request.insightIds(), request.conclusions(),
                request.happenedOn(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(sessionId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0)).body(new Held(sessionId, programmeId));
    }

    /**
     * @param participantIds identifiers of the registered people who took part
     * @param insightIds     the insights looked at together
     * @param happenedOn     the day it was held, if not today
     * @param by             the learning partner's member identifier
     */
    record HoldSensemakingRequest(
            @NotBlank @Size(max = CommandInput.MAX_NAME) String title,
            @NotEmpty @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> participantIds,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> placeIds,
            @Size(max = CommandInput.MAX_LIST) List<@Pattern(regexp = Identifiers.PATTERN) String> insightIds,
            @NotBlank @Size(max = CommandInput.MAX_TEXT) String conclusions,
            @JsonAlias("heldOn") LocalDate happenedOn) {
    }

    record Held(String sessionId, String programmeId) {
    }
}
