package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;

import java.util.List;

/**
 * The journey's handlers of practices: each version of a practice, the decision (adoption or
 * adaptation) that made it, and the outcome reviews of an adaptation.
 */
final class JourneyPractices {

    private JourneyPractices() {
    }

    static void practiceAdopted(PracticeAdopted e, ViewEvent event, ViewUpdate view) {
        version(event, view, e.practiceId(), e.placeId(), e.programmeId(), e.name(), new PracticeDocument.Version(
                PracticeDocument.Version.ADOPTED, e.practiceId(), null, e.description(), e.why(), e.insightIds(),
                e.sharedLearningIds(), e.decidedBy(), e.forum(), e.happenedOn(), event.position(), event.recordedAt()));
        decision(event, view, e.practiceId(), new DecisionDocument(PracticeDocument.Version.ADOPTED, e.practiceId(), e.placeId(),
                e.programmeId(), null, e.description(), e.why(), e.insightIds(), e.sharedLearningIds(), e.decidedBy(), e.forum(),
                e.happenedOn(), event.recordedAt(), event.position(), List.of(), List.of()));
    }

    static void practiceAdapted(PracticeAdapted e, ViewEvent event, ViewUpdate view) {
        version(event, view, e.practiceId(), e.placeId(), e.programmeId(), null, new PracticeDocument.Version(
                PracticeDocument.Version.ADAPTED, e.adaptationId(), e.was(), e.becomes(), e.why(), e.insightIds(),
                e.sharedLearningIds(), e.decidedBy(), e.forum(), e.happenedOn(), event.position(), event.recordedAt()));
        decision(event, view, e.adaptationId(), new DecisionDocument(PracticeDocument.Version.ADAPTED, e.practiceId(), e.placeId(),
                e.programmeId(), e.was(), e.becomes(), e.why(), e.insightIds(), e.sharedLearningIds(), e.decidedBy(), e.forum(),
                e.happenedOn(), event.recordedAt(), event.position(), List.of(), List.of()));
    }

    static void practiceRetired(PracticeRetired e, ViewEvent event, ViewUpdate view) {
        version(event, view, e.practiceId(), e.placeId(), e.programmeId(), null, new PracticeDocument.Version(
                PracticeDocument.Version.RETIRED, null, null, null, e.why(), e.insightIds(), List.of(), List.of(), null,
                e.happenedOn(), event.position(), event.recordedAt()));
    }

    static void outcomeReviewed(AdaptationOutcomeReviewed e, ViewEvent event, ViewUpdate view) {
        Document decision = view.edit(JourneyProjection.decisionId(e.adaptationId()));
        if (decision != null) {
            new DecisionDocument.Review(e.outcome().name(), e.notes(), e.insightIds(), e.happenedOn(), e.recordedBy(),
                    event.position(), event.recordedAt()).appendTo(decision);
        }
    }

    /** A practice's new version; a practice's first version also lists it on its place. */
    private static void version(ViewEvent event, ViewUpdate view, String practiceId, String placeId, String programmeId,
                                String name, PracticeDocument.Version version) {
        Document practice = view.edit(JourneyProjection.practiceId(practiceId));
        if (practice == null) {
            return;
        }
        boolean known = PracticeDocument.known(practice);
        PracticeDocument.add(practice, placeId, programmeId, name, version);
        if (!known) {
            Document place = view.edit(JourneyProjection.placeId(placeId));
            if (place != null) {
                new PlaceDocument.PracticeRef(practiceId, event.position(), event.recordedAt()).appendTo(place);
            }
        }
    }

    private static void decision(ViewEvent event, ViewUpdate view, String decisionId, DecisionDocument decided) {
        Document decision = view.edit(JourneyProjection.decisionId(decisionId));
        if (decision != null) {
            decided.writeTo(decision);
        }
    }
}
