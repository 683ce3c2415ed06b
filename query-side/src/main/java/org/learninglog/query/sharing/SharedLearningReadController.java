package org.learninglog.query.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.ShareDocument;
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
        return numbered(read(sharedLearningId).adoptions(), number, "adoption");
    }

    @GetMapping("/api/shared-learnings/{sharedLearningId}/responses/{number}")
    @Operation(summary = "One response to the shared learning, numbered from 1 in the order they were recorded")
    SharedLearningReading.Response response(@PathVariable String sharedLearningId, @PathVariable int number) {
        return numbered(read(sharedLearningId).responses(), number, "response");
    }

    /** The item numbered {@code number} from 1, as its {@code Location} names it. */
    private static <T> T numbered(List<T> items, int number, String what) {
        if (number < 1 || number > items.size()) {
            throw new NotFoundException("number", "The shared learning has no " + what + " numbered " + number + " (yet)");
        }
        return items.get(number - 1);
    }

    private SharedLearningReading read(String sharedLearningId) {
        ShareDocument share = ShareDocument.of(views.reader(JourneyProjection.NAME).get(JourneyProjection.shareId(sharedLearningId)));
        if (share == null || share.programmeId() == null) {
            throw new NotFoundException("sharedLearningId", "No shared learning with this id is known (yet)");
        }
        access.requireRead(share.programmeId(), "read shared learning");
        List<SharedLearningReading.Adoption> adoptions = new ArrayList<>();
        for (ShareDocument.Adoption adoption : share.adoptions()) {
            adoptions.add(new SharedLearningReading.Adoption(adoptions.size() + 1, adoption.placeId(), adoption.practiceId(),
                    adoption.adaptationId(), adoption.note(), adoption.recordedAt()));
        }
        List<SharedLearningReading.Response> responses = new ArrayList<>();
        for (ShareDocument.Response response : share.responses()) {
            responses.add(new SharedLearningReading.Response(responses.size() + 1, response.placeId(), response.kind(),
                    response.text(), response.recordedAt()));
        }
        return new SharedLearningReading(sharedLearningId, share.programmeId(), share.placeId(), share.title(), share.summary(),
                new SharedLearningReading.Audience(share.wholeProgramme(), List.copyOf(share.audiencePlaceIds()),
                        List.copyOf(share.audienceFunderIds())),
                List.copyOf(share.insightIds()), List.copyOf(share.adaptationIds()), share.recordedAt(),
                List.copyOf(adoptions), List.copyOf(responses));
    }
}
