package org.learninglog.query.sensemaking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.journey.RegisteredDocuments;
import org.learninglog.query.journey.RegisteredReads;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A session names its participants by identifier only; their names are read as people. */
@RestController
@Tag(name = "sensemaking", description = "Sensemaking sessions: who met, which insights they looked at, what they concluded")
class SensemakingReadController {

    private final RegisteredReads reads;
    private final AccessPolicy access;

    SensemakingReadController(RegisteredReads reads, AccessPolicy access) {
        this.reads = reads;
        this.access = access;
    }

    @GetMapping("/api/programmes/{programmeId}/sensemaking-sessions/{sessionId}")
    @Operation(summary = "The sensemaking session as recorded")
    ResponseEntity<SensemakingSessionReading> session(@PathVariable String programmeId, @PathVariable String sessionId) {
        RegisteredDocuments.Session session = reads.session(programmeId, sessionId);
        access.requireRead(programmeId, "read a sensemaking session");
        return ResponseEntity.ok().eTag("0").body(new SensemakingSessionReading(sessionId, programmeId, session.title(),
                List.copyOf(session.participantIds()), List.copyOf(session.placeIds()), List.copyOf(session.insightIds()),
                session.conclusions(), session.heldOn(), session.recordedAt()));
    }

    record SensemakingSessionReading(String sessionId, String programmeId, String title, List<String> participantIds,
                                     List<String> placeIds, List<String> insightIds, String conclusions, LocalDate heldOn,
                                     Instant recordedAt) {
    }
}
