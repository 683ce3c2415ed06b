package org.learninglog.command.insight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.CommandInput;
import org.learninglog.command.Identifiers;
import org.learninglog.command.web.MergePatch;
import org.learninglog.command.web.Versions;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;

@RestController
class InsightController {

    private final CommandGateway commands;
    private final WriteAccess access;

    InsightController(CommandGateway commands, WriteAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/places/{placeId}/insights")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Recorded> record(@PathVariable String placeId, @Valid @RequestBody RecordInsightRequest request) {
        access.writeFor(placeId, "record an insight");
        String insightId = Identifiers.next();
        EvidenceRequest evidence = request.evidence();
        commands.sendAndWait(new RecordInsightCommand(insightId, placeId, request.text(),
                Boolean.TRUE.equals(request.unintended()), request.layer(), request.sphere(), request.principles(),
                request.themes(), request.source(),
                evidence == null ? null : new RecordInsightCommand.Evidence(evidence.personId(), evidence.quote(),
                        Boolean.TRUE.equals(evidence.consent())),
                request.happenedOn(), access.actor()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/insights/{insightId}").buildAndExpand(insightId).toUri())
                .header(HttpHeaders.ETAG, Versions.etag(0))
                .body(new Recorded(insightId, placeId, 0));
    }

    /**
     * A revision as a JSON merge patch (RFC 7396): what it leaves out stays as it was; see
     * {@link InsightPatch}. Answers the new version, also as ETag.
     */
    @PatchMapping(path = "/api/insights/{insightId}", consumes = MergePatch.MEDIA_TYPE)
    ResponseEntity<Changed> revise(@PathVariable String insightId,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody InsightPatch patch) {
        access.insight(insightId, "revise an insight");
        long version = commands.sendAndWait(patch.command(insightId, Versions.required(ifMatch), access.actor()));
        return Versions.ok(version, new Changed(insightId, version));
    }

    @PostMapping("/api/insights/{insightId}/retraction")
    ResponseEntity<Changed> retract(@PathVariable String insightId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody RetractInsightRequest request) {
        access.insight(insightId, "retract an insight");
        long version = commands.sendAndWait(new RetractInsightCommand(insightId, Versions.required(ifMatch),
                request.reason(), request.happenedOn(), access.actor()));
        return Versions.ok(version, new Changed(insightId, version));
    }

    /**
     * @param layer      the layer of the work it is about
     * @param sphere     the sphere of influence, if one applies
     * @param principles principles of the programme's learning framework
     * @param themes     themes of the programme's learning framework
     * @param source     one of the framework's sources, if said
     * @param evidence   a quote and who said it, with their consent
     * @param happenedOn the day it happened, if not today; may lie long before
     */
    record RecordInsightRequest(
            @NotBlank @Size(max = Insight.MAX_TEXT_LENGTH) String text,
            Boolean unintended,
            @NotNull Layer layer,
            Sphere sphere,
            @Size(max = CommandInput.MAX_LIST) List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> principles,
            @Size(max = CommandInput.MAX_LIST) List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> themes,
            @Size(max = CommandInput.MAX_LABEL) String source,
            @Valid EvidenceRequest evidence,
            LocalDate happenedOn) {
    }

    /** A quote, who said it (a registered person), and that they consent to it being recorded. */
    record EvidenceRequest(@NotBlank @Pattern(regexp = Identifiers.PATTERN) String personId,
                           @NotBlank @Size(max = CommandInput.MAX_TEXT) String quote,
                           @NotNull @AssertTrue(message = "a quote is recorded only with the person's consent") Boolean consent) {

        /** Personal data stays out of logs. */
        @Override
        public String toString() {
            return "EvidenceRequest[personId=" + personId + "]";
        }
    }

    /** @param happenedOn the day it was withdrawn, if not today */
    record RetractInsightRequest(@NotBlank @Size(max = CommandInput.MAX_TEXT) String reason, LocalDate happenedOn) {
    }

    record Recorded(String insightId, String placeId, long version) {
    }

    record Changed(String insightId, long version) {
    }
}
