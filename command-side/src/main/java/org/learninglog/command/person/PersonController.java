package org.learninglog.command.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.CommandInput;
import org.learninglog.command.Identifiers;
import org.learninglog.command.web.Versions;
import org.learninglog.events.person.PersonRegistered;
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
class PersonController {

    private final CommandGateway commands;
    private final WriteAccess access;

    PersonController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/programmes/{programmeId}/people")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Registered> register(@PathVariable String programmeId,
                                        @Valid @RequestBody RegisterPersonRequest request) {
        if (request.placeId() == null) {
            access.registerPersonOfNoPlace(programmeId);
        } else {
            access.writeFor(programmeId, request.placeId(), "register a person");
        }
        String personId = Identifiers.next();
        commands.sendAndWait(new RegisterPersonCommand(personId, programmeId, request.placeId(), request.role(),
                request.name(), request.contact(), Boolean.TRUE.equals(request.mayBeQuoted()),
                access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(personId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0)).body(new Registered(personId, programmeId));
    }

    /**
     * @param placeId     the person's place; left out for people working across the programme
     * @param mayBeQuoted whether they agreed that their words may be quoted; no if left out
     */
    record RegisterPersonRequest(@Pattern(regexp = Identifiers.PATTERN) String placeId,
                                 @NotNull PersonRegistered.Role role,
                                 @NotBlank @Size(max = CommandInput.MAX_NAME) String name,
                                 @Size(max = CommandInput.MAX_NAME) String contact,
                                 Boolean mayBeQuoted) {

        /** Personal data stays out of logs. */
        @Override
        public String toString() {
            return "RegisterPersonRequest[role=" + role + "]";
        }
    }

    /**
     * The person withdrew their consent: their name, contact and quoted words become unreadable
     * everywhere, for good. Asking again changes nothing.
     */
    @PostMapping("/api/programmes/{programmeId}/people/{personId}/erasure")
    ResponseEntity<Erased> erase(@PathVariable String programmeId, @PathVariable String personId) {
        access.person(programmeId, personId, "erase a person's personal data");
        commands.sendAndWait(new ErasePersonalDataCommand(personId, programmeId, access.actor()));
        return ResponseEntity.ok(new Erased(personId, programmeId, true));
    }

    record Erased(String personId, String programmeId, boolean erased) {
    }

    record Registered(String personId, String programmeId) {
    }
}
