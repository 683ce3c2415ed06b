package org.learninglog.query.sharing;

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

import java.util.ArrayList;
import java.util.List;

/** Reads of what the command side's SharingController creates: a shared learning, its adoptions and responses. */
@RestController
@Tag(name = "shared learning", description = "Learning shared across places, who took it up and what they answered")
class SharedLearningReadController {

    private final LiveViews views;
    private final AccessPolicy access;

    SharedLearningReadController(LiveViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/shared-learnings/{sharedLearningId}")
    @Operation(summary = "The shared learning with its adoptions and responses; its ETag is the version an adoption or response may send as If-Match")
    ResponseEntity<SharedLearningReading> sharedLearning(@PathVariable String sharedLearningId) {
        SharedLearningReading reading = read(sharedLearningId);
        return ResponseEntity.ok().eTag(Long.toString(reading.version())).body(reading);
    }

    @GetMapping("/api/shared-learnings/{sharedLearningId}/adoptions/{number}")
    @Operation(summary = "One adoption of the shared learning, numbered from 1 in the order they were recorded")
    SharedLearningReading.Adoption adoption(@PathVariable String sharedLearningId, @PathVariable int number) {
        List<SharedLearningReading.Adoption> adoptions = read(sharedLearningId).adoptions();
        if (number < 1 || number > adoptions.size()) {
            throw new NotFoundException("number", "The shared learning has no adoption numbered " + number + " (yet)");
        }
        return adoptions.get(number - 1);
    }

    @GetMapping("/api/shared-learnings/{sharedLearningId}/responses/{number}")
    @Operation(summary = "One response to the shared learning, numbered from 1 in the order they were recorded")
    SharedLearningReading.Response response(@PathVariable String sharedLearningId, @PathVariable int number) {
        List<SharedLearningReading.Response> responses = read(sharedLearningId).responses();
        if (number < 1 || number > responses.size()) {
            throw new NotFoundException("number", "The shared learning has no response numbered " + number + " (yet)");
        }
        return responses.get(number - 1);
    }

    private SharedLearningReading read(String sharedLearningId) {
        Document share = views.reader(JourneyProjection.NAME).get(JourneyProjection.shareId(sharedLearningId));
        if (share == null || share.getString("programmeId") == null) {
            throw new NotFoundException("sharedLearningId", "No shared learning with this id is known (yet)");
        }
        String programmeId = share.getString("programmeId");
        access.requireRead(programmeId, "read shared learning");
        List<SharedLearningReading.Adoption> adoptions = new ArrayList<>();
        for (Document adoption : DocumentFields.documents(share, "adoptions")) {
            adoptions.add(new SharedLearningReading.Adoption(adoptions.size() + 1, adoption.getString("placeId"),
                    adoption.getString("practiceId"), adoption.getString("adaptationId"), adoption.getString("note"),
                    DocumentFields.instant(adoption, "at")));
        }
        List<SharedLearningReading.Response> responses = new ArrayList<>();
        for (Document response : DocumentFields.documents(share, "responses")) {
            responses.add(new SharedLearningReading.Response(responses.size() + 1, response.getString("placeId"),
                    response.getString("kind"), response.getString("text"), DocumentFields.instant(response, "at")));
        }
        return new SharedLearningReading(sharedLearningId,
                programmeId, share.getString("placeId"), share.getString("title"), share.getString("summary"),
                new SharedLearningReading.Audience(share.getBoolean("wholeProgramme", false),
                        List.copyOf(DocumentFields.strings(share, "audiencePlaceIds")),
                        List.copyOf(DocumentFields.strings(share, "audienceFunderIds"))),
                List.copyOf(DocumentFields.strings(share, "insightIds")), List.copyOf(DocumentFields.strings(share, "adaptationIds")),
                DocumentFields.instant(share, "at"), List.copyOf(adoptions), List.copyOf(responses));
    }
}
