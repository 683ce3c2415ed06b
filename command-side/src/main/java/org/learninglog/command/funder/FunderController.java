package org.learninglog.command.funder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

@RestController
class FunderController {

    private final CommandGateway commands;
    private final WriteAccess access;

    FunderController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/programmes/{programmeId}/funders")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Registered> register(@PathVariable String programmeId,
                                        @Valid @RequestBody RegisterFunderRequest request) {
        access.administer(programmeId, "register a funder");
        String funderId = Identifiers.next();
        commands.sendAndWait(new RegisterFunderCommand(funderId, programmeId, request.name(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(funderId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0)).body(new Registered(funderId, programmeId));
    }

    record RegisterFunderRequest(@NotBlank @Size(max = CommandInput.MAX_NAME) String name) {
    }

    record Registered(String funderId, String programmeId) {
    }
}
