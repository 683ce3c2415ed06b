package org.learninglog.command.insight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.Identifiers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
class InsightController {

    /** Who recorded an insight, until requests carry an authenticated member. */
    static final String ANONYMOUS = "anonymous";

    private final CommandGateway commands;

    InsightController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/places/{placeId}/insights")
    ResponseEntity<Recorded> record(@PathVariable String placeId, @Valid @RequestBody RecordInsightRequest request) {
        String insightId = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordInsightCommand(insightId, placeId, request.text(), request.tags(),
                request.happenedOn(), request.recordedBy() == null ? ANONYMOUS : request.recordedBy()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{insightId}").buildAndExpand(insightId).toUri())
                .body(new Recorded(insightId, placeId));
    }

    /**
     * @param happenedOn the day it happened, if not today; may lie long before
     * @param recordedBy a member identifier (never a name); "anonymous" if left out
     */
    record RecordInsightRequest(
            @NotBlank @Size(max = Insight.MAX_TEXT_LENGTH) String text,
            @Size(max = Insight.MAX_TAGS) List<@NotBlank @Size(max = Insight.MAX_TAG_LENGTH) String> tags,
            LocalDate happenedOn,
            @Pattern(regexp = Identifiers.PATTERN) String recordedBy) {
    }

    record Recorded(String insightId, String placeId) {
    }
}
