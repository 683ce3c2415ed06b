package org.learninglog.command.place;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.Identifiers;
import org.learninglog.command.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@RestController
@RequestMapping("/api/places")
class PlaceController {

    private final CommandGateway commands;

    PlaceController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterPlaceRequest request) {
        String placeId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterPlaceCommand(placeId, request.programmeId(), request.name(),
                Versions.by(request.by())));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{placeId}/timeline").buildAndExpand(placeId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0))
                .body(new Registered(placeId));
    }

    record RegisterPlaceRequest(
            @NotBlank @Pattern(regexp = Identifiers.PATTERN) String programmeId,
            @NotBlank @Size(max = Place.MAX_NAME_LENGTH) String name,
            @Pattern(regexp = Identifiers.PATTERN) String by) {
    }

    record Registered(String placeId) {
    }
}
