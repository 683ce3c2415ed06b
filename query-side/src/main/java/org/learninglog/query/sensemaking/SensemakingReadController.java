package org.learninglog.query.sensemaking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.LiveViews;
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

    private final LiveViews views;
    private final AccessPolicy access;

    SensemakingReadController(LiveViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/programmes/{programmeId}/sensemaking-sessions/{sessionId}")
    @Operation(summary = "The sensemaking session as recorded")
    ResponseEntity<SensemakingSessionReading> session(@PathVariable String programmeId, @PathVariable String sessionId) {
        Document session = views.reader(JourneyProjection.NAME).get(JourneyProjection.sessionId(sessionId));
        if (session == null || !programmeId.equals(session.getString("programmeId"))) {
            throw new NotFoundException("sessionId", "No sensemaking session with this id is recorded in this programme (yet)");
        }
        access.requireRead(programmeId, "read a sensemaking session");
        String heldOn = session.getString("heldOn");
        return ResponseEntity.ok().eTag("0").body(new SensemakingSessionReading(sessionId, programmeId, session.getString("title"),
                List.copyOf(DocumentFields.strings(session, "participantIds")), List.copyOf(DocumentFields.strings(session, "placeIds")),
                List.copyOf(DocumentFields.strings(session, "insightIds")), session.getString("conclusions"),
                heldOn == null ? null : LocalDate.parse(heldOn), DocumentFields.instant(session, "at")));
    }

    record SensemakingSessionReading(String sessionId, String programmeId, String title, List<String> participantIds,
                                     List<String> placeIds, List<String> insightIds, String conclusions, LocalDate heldOn,
                                     Instant recordedAt) {
    }
}
