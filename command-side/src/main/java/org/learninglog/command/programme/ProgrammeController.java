package org.learninglog.command.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.CommandInput;
import org.learninglog.command.Identifiers;
import org.learninglog.command.UnknownReference;
import org.learninglog.command.lookup.Lookup;
import org.learninglog.security.AccessPolicy;
import org.learninglog.command.web.MergePatch;
import org.learninglog.command.web.Versions;
import org.learninglog.events.framework.LearningFramework;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;

@RestController
class ProgrammeController {

    private final CommandGateway commands;
    private final WriteAccess access;
    private final AccessPolicy policy;
    private final Lookup lookup;
    private final EventStore events;

    ProgrammeController(CommandGateway commands, WriteAccess access, AccessPolicy policy, Lookup lookup, EventStore events) {
        this.events = events;
        this.commands = commands;
        this.access = access;
        this.policy = policy;
        this.lookup = lookup;
    }

    /**
     * The programme's learning framework as writes check it now: the web UI's forms offer exactly
     * these tags. Everyone of the programme may read it; read from the command side's lookup by exact id.
     * Its ETag is the programme's version, which a change sends back as If-Match.
     */
    @GetMapping("/api/programmes/{programmeId}/framework")
    ResponseEntity<LearningFramework> framework(@PathVariable String programmeId) {
        policy.requireRead(programmeId, "read the learning framework");
        // The version is read first: should a change land in between, the ETag is older than the body and a change sent with it is refused, never applied blind.
        Long version = events.lastSequenceNumberFor(programmeId).orElse(null);
        LearningFramework framework = lookup.programme(programmeId).map(known -> known.framework())
                .orElseThrow(() -> new UnknownReference("programme", "programmeId"));
        return version == null ? ResponseEntity.ok(framework)
                : ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(version)).body(framework);
    }

    @PostMapping("/api/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterProgrammeRequest request) {
        access.registerProgramme();
        String programmeId = request.id() == null ? Identifiers.next() : request.id();
        LearningFramework framework = request.framework() == null ? null : request.framework().framework();
        commands.sendAndWait(new RegisterProgrammeCommand(programmeId, request.name(), framework,
                request.backfillFrom(), access.actor()));
        long version = Programme.versionAfterRegistration(request.backfillFrom());
        // The programme's readable, changeable part is its learning framework.
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}/framework")
                        .buildAndExpand(programmeId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(version))
                .body(new Registered(programmeId, version));
    }

    /**
     * Lets the programme's story begin before the programme did: from then on its members may date
     * what they record back to {@code from}. Recorded as an event; a later one replaces it.
     * Answers the programme's new version, also as ETag.
     */
    @PutMapping("/api/programmes/{programmeId}/story-backfill")
    ResponseEntity<Changed> allowBackfill(@PathVariable String programmeId,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody BackfillRequest request) {
        access.administer(programmeId, "allow a backfill period");
        long version = commands.sendAndWait(new AllowStoryBackfillCommand(programmeId, Versions.required(ifMatch),
                request.from(), access.actor()));
        return Versions.ok(version, new Changed(programmeId, version));
    }

    /**
     * A change of the framework as a JSON merge patch (RFC 7396): the lists it leaves out stay as
     * they were; see {@link FrameworkPatch}. Answers the programme's new version, also as ETag.
     */
    @PatchMapping(path = "/api/programmes/{programmeId}/framework", consumes = MergePatch.MEDIA_TYPE)
    ResponseEntity<Changed> changeFramework(@PathVariable String programmeId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody FrameworkPatch patch) {
        access.administer(programmeId, "change the learning framework");
        long version = commands.sendAndWait(patch.command(programmeId, Versions.required(ifMatch), access.actor()));
        return Versions.ok(version, new Changed(programmeId, version));
    }

    /** A framework as a client sends it: each list of short labels. */
    record FrameworkRequest(
            @NotEmpty @Size(max = CommandInput.MAX_LIST) List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> principles,
            @Size(max = CommandInput.MAX_LIST) List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> themes,
            @Size(max = CommandInput.MAX_LIST) List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> sources) {

        LearningFramework framework() {
            return new LearningFramework(principles, themes, sources);
        }
    }

    /**
     * @param id           an identifier of the operator's choosing (accounts and tokens name programmes by it);
     *                     a random one if left out
     * @param framework    the framework; left out, the programme gets the default one
     * @param backfillFrom the earliest day its members may date what happened, before the programme's
     *                     registration (a past kept elsewhere); left out, its story begins the day it is registered
     */
    record RegisterProgrammeRequest(@Pattern(regexp = Identifiers.PATTERN) @Size(max = CommandInput.MAX_LABEL) String id,
                                    @NotBlank @Size(max = CommandInput.MAX_NAME) String name,
                                    @Valid FrameworkRequest framework,
                                    LocalDate backfillFrom) {
    }

    /** @param from the earliest day a happening may be dated; at most the day the programme was registered */
    record BackfillRequest(@NotNull LocalDate from) {
    }

    record Registered(String programmeId, long version) {
    }

    record Changed(String programmeId, long version) {
    }
}
