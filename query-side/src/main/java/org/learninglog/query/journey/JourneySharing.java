package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;

import java.util.List;

/**
 * The journey's handlers of shared learning: the share, its adoptions and responses, and on each
 * adaptation it carries, where its learning travelled.
 */
final class JourneySharing {

    private JourneySharing() {
    }

    static void learningShared(LearningShared e, ViewEvent event, ViewUpdate view) {
        Document share = view.edit(JourneyProjection.shareId(e.sharedLearningId()));
        List<String> adaptationIds = e.adaptations().stream().map(LearningShared.AdaptationRef::adaptationId).toList();
        if (share != null) {
            new ShareDocument(e.programmeId(), e.placeId(), e.title(), e.summary(), e.audience().wholeProgramme(),
                    e.audience().placeIds(), e.audience().funderIds(), e.insightIds(), adaptationIds, event.recordedAt(),
                    List.of(), List.of()).writeTo(share, event.position());
        }
        for (String adaptationId : adaptationIds) {
            travelled(view, adaptationId, new DecisionDocument.Step(DecisionDocument.Step.SHARED, e.sharedLearningId(),
                    e.placeId(), e.title(), null, null, e.happenedOn(), event.position(), event.recordedAt()));
        }
    }

    static void sharedLearningAdopted(SharedLearningAdopted e, ViewEvent event, ViewUpdate view) {
        ShareDocument shared = ShareDocument.of(view.read(JourneyProjection.shareId(e.sharedLearningId())));
        Document share = view.edit(JourneyProjection.shareId(e.sharedLearningId()));
        if (share != null) {
            new ShareDocument.Adoption(e.placeId(), e.practiceId(), e.adaptationId(), e.note(), event.position(),
                    event.recordedAt()).appendTo(share);
        }
        for (String adaptationId : shared == null ? List.<String>of() : shared.adaptationIds()) {
            travelled(view, adaptationId, new DecisionDocument.Step("adopted", e.sharedLearningId(), e.placeId(), null,
                    e.practiceId(), e.adaptationId(), e.happenedOn(), event.position(), event.recordedAt()));
        }
    }

    static void sharedLearningRespondedTo(SharedLearningRespondedTo e, ViewEvent event, ViewUpdate view) {
        Document share = view.edit(JourneyProjection.shareId(e.sharedLearningId()));
        if (share != null) {
            new ShareDocument.Response(e.placeId(), e.kind().name(), e.text(), event.position(), event.recordedAt()).appendTo(share);
        }
    }

    private static void travelled(ViewUpdate view, String adaptationId, DecisionDocument.Step step) {
        Document decision = view.edit(JourneyProjection.decisionId(adaptationId));
        if (decision != null) {
            step.appendTo(decision);
        }
    }
}
