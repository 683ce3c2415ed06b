package org.learninglog.command.place;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/places")
class PlaceController {

    private final CommandGateway commands;
    private final WriteAccess access;

    PlaceController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterPlaceRequest request) {
        access.administer(request.programmeId(), "register a place");
        String placeId = request.id() == null ? Identifiers.next() : request.id();
        commands.sendAndWait(new RegisterPlaceCommand(placeId, request.programmeId(), request.name(),
                access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{placeId}/timeline").buildAndExpand(placeId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0))
                .body(new Registered(placeId));
    }

    /**
     * @param id an identifier of the administrator's choosing (accounts and tokens name places by
     *           it); a random one if left out
     */
    record RegisterPlaceRequest(
            @Pattern(regexp = Identifiers.PATTERN) @Size(max = CommandInput.MAX_LABEL) String id,
            @NotBlank @Pattern(regexp = Identifiers.PATTERN) String programmeId,
            @NotBlank @Size(max = Place.MAX_NAME_LENGTH) String name) {
    }

    record Registered(String placeId) {
    }
}
