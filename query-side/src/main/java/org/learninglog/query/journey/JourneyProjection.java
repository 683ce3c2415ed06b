package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.events.funder.FunderRegistered;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.person.PersonalDataErased;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.sensemaking.SensemakingHeld;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.EventLines;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;


/**
 * The record of each place and of everything in it, kept so that it can be read as it stands now
 * or as it stood at any instant:
 * <ul>
 *   <li>{@code place:<placeId>}: the place and the practices it has had;</li>
 *   <li>{@code tl:<placeId>}: its timeline, a {@link PagedLog};</li>
 *   <li>{@code insight:<id>}, {@code practice:<id>}: every version, each with the instant and
 *       position it was recorded at (an append-only list, folded at read time);</li>
 *   <li>{@code decision:<id>} (an adaptation, or the adoption of a practice): what was decided,
 *       by whom, where, on which insights; its outcome reviews; and where the learning went after;</li>
 *   <li>{@code share:<id>}: a shared learning, its responses and adoptions;</li>
 *   <li>{@code session:<id>}: a sensemaking session; {@code funder:<id>}: a funder;</li>
 *   <li>{@code registration:<personId>}: a person's registration (their name sealed) and whether
 *       their personal data was erased.</li>
 * </ul>
 * Decisions name members by identifier. A person's name and words appear only in their
 * registration and as an insight's evidence, sealed with that person's key as the processor
 * handed them over ({@code Evidence}).
 *
 * <p>Each document is a record that maps itself to and from BSON ({@link PlaceDocument},
 * {@link InsightDocument}, {@link PracticeDocument}, {@link DecisionDocument}, {@link ShareDocument},
 * {@link RegisteredDocuments}); the handlers live with their subject ({@link JourneyRegistrations},
 * {@link JourneyInsights}, {@link JourneyPractices}, {@link JourneySharing}) and this class keeps the
 * keys and the table that dispatches to them.
 */
@Component
public class JourneyProjection implements Projection {

    public static final String NAME = "journey";

    /** One handler per event type; the handlers live with their subject's documents. */
    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(PlaceRegistered.class, JourneyRegistrations::placeRegistered)
            .on(PersonRegistered.class, JourneyRegistrations::personRegistered)
            .on(PersonalDataErased.class, JourneyRegistrations::personalDataErased)
            .on(FunderRegistered.class, JourneyRegistrations::funderRegistered)
            .on(InsightRecorded.class, JourneyInsights::insightRecorded)
            .on(InsightRevised.class, JourneyInsights::insightRevised)
            .on(InsightRetracted.class, JourneyInsights::insightRetracted)
            .on(SensemakingHeld.class, JourneyInsights::sensemakingHeld)
            .on(PracticeAdopted.class, JourneyPractices::practiceAdopted)
            .on(PracticeAdapted.class, JourneyPractices::practiceAdapted)
            .on(PracticeRetired.class, JourneyPractices::practiceRetired)
            .on(AdaptationOutcomeReviewed.class, JourneyPractices::outcomeReviewed)
            .on(LearningShared.class, JourneySharing::learningShared)
            .on(SharedLearningAdopted.class, JourneySharing::sharedLearningAdopted)
            .on(SharedLearningRespondedTo.class, JourneySharing::sharedLearningRespondedTo);

    @Override
    public String name() {
        return NAME;
    }

    public static String placeId(String placeId) {
        return "place:" + placeId;
    }

    public static String timelineKey(String placeId) {
        return "tl:" + placeId;
    }

    public static String insightId(String insightId) {
        return "insight:" + insightId;
    }

    public static String practiceId(String practiceId) {
        return "practice:" + practiceId;
    }

    public static String decisionId(String decisionId) {
        return "decision:" + decisionId;
    }

    public static String shareId(String sharedLearningId) {
        return "share:" + sharedLearningId;
    }

    public static String sessionId(String sessionId) {
        return "session:" + sessionId;
    }

    public static String funderId(String funderId) {
        return "funder:" + funderId;
    }

    /** Not {@code person:}, which {@link EventLines} keeps for the name's history by position. */
    public static String registrationId(String personId) {
        return "registration:" + personId;
    }

    /**
     * The journey keeps every version of an insight with its tags ({@link InsightDocument}), so the
     * tags a line cites are read from there rather than kept twice in {@code tags:<insightId>}
     * documents (40,140 of the 131,681 a rebuild wrote at 100,000 events). Such documents written
     * before are left as they are, unread; a rebuild leaves them out.
     */
    private static final EventLines.InsightTags TAGS_IN_VERSIONS = new EventLines.InsightTags() {
        @Override
        public void remember(ViewUpdate view, String insightId, TimelineLine.Facets facets) {
            // the insight's version, which JourneyInsights adds for the same event, holds them
        }

        @Override
        public TimelineLine.Facets recall(ViewUpdate view, String insightId) {
            Document insight = view.read(insightId(insightId));
            return insight == null ? null : InsightDocument.tagsBefore(insight, view.position());
        }
    };

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        for (TimelineLine line : EventLines.linesOf(event, view, TAGS_IN_VERSIONS)) {
            if (line.placeId() != null) {
                PagedLog.append(view, timelineKey(line.placeId()), line.toDocument(), null);
                StoryOrder.note(view, timelineKey(line.placeId()), line);
            }
        }
        HANDLERS.handle(event, view);
    }
}
