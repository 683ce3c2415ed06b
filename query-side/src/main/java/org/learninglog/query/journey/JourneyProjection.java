package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.funder.FunderRegistered;
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
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.EventHandlers;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.EventLines;
import org.learninglog.query.view.ViewUpdate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

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
 */
@Component
public class JourneyProjection implements Projection {

    public static final String NAME = "journey";

    private static final EventHandlers<ViewUpdate> HANDLERS = new EventHandlers<ViewUpdate>()
            .on(PlaceRegistered.class, JourneyProjection::placeRegistered)
            .on(InsightRecorded.class, JourneyProjection::insightRecorded)
            .on(InsightRevised.class, JourneyProjection::insightRevised)
            .on(InsightRetracted.class, JourneyProjection::insightRetracted)
            .on(PracticeAdopted.class, JourneyProjection::practiceAdopted)
            .on(PracticeAdapted.class, JourneyProjection::practiceAdapted)
            .on(PracticeRetired.class, JourneyProjection::practiceRetired)
            .on(AdaptationOutcomeReviewed.class, JourneyProjection::outcomeReviewed)
            .on(LearningShared.class, JourneyProjection::learningShared)
            .on(SharedLearningAdopted.class, JourneyProjection::sharedLearningAdopted)
            .on(SharedLearningRespondedTo.class, JourneyProjection::sharedLearningRespondedTo)
            .on(SensemakingHeld.class, JourneyProjection::sensemakingHeld)
            .on(PersonRegistered.class, JourneyProjection::personRegistered)
            .on(PersonalDataErased.class, JourneyProjection::personalDataErased)
            .on(FunderRegistered.class, JourneyProjection::funderRegistered);

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

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        for (TimelineLine line : EventLines.linesOf(event, view)) {
            if (line.placeId() != null) {
                PagedLog.append(view, timelineKey(line.placeId()), line.toDocument(), null);
            }
        }
        HANDLERS.handle(event, view);
    }

    private static void placeRegistered(PlaceRegistered e, ViewEvent event, ViewUpdate view) {
        Document place = view.edit(placeId(e.placeId()));
        if (place != null) {
            place.append("programmeId", e.programmeId()).append("name", e.name())
                    .append("registeredAt", DocumentFields.date(e.registeredAt())).append("at", DocumentFields.date(event.recordedAt()));
        }
    }

    private static void insightRecorded(InsightRecorded e, ViewEvent event, ViewUpdate view) {
        insightVersion(event, view, e.insightId(), e.placeId(), e.programmeId(), new Document("kind", "recorded")
                .append("text", e.text()).append("unintended", e.unintended())
                .append("layer", name(e.layer())).append("sphere", name(e.sphere()))
                .append("principles", DocumentFields.list(e.principles())).append("themes", DocumentFields.list(e.themes()))
                .append("source", e.source()).append("hasEvidence", e.evidence() != null)
                .append("evidence", e.evidence() == null ? null : EventLines.evidence(view, e.evidence()).toDocument())
                .append("happenedOn", day(e.happenedOn())).append("recordedBy", e.recordedBy()));
    }

    private static void insightRevised(InsightRevised e, ViewEvent event, ViewUpdate view) {
        insightVersion(event, view, e.insightId(), e.placeId(), e.programmeId(), new Document("kind", "revised")
                .append("text", e.text()).append("layer", name(e.layer())).append("sphere", name(e.sphere()))
                .append("principles", DocumentFields.list(e.principles())).append("themes", DocumentFields.list(e.themes()))
                .append("source", e.source()).append("reason", e.reason()).append("recordedBy", e.recordedBy()));
    }

    private static void insightRetracted(InsightRetracted e, ViewEvent event, ViewUpdate view) {
        insightVersion(event, view, e.insightId(), e.placeId(), e.programmeId(), new Document("kind", "retracted")
                .append("reason", e.reason()).append("recordedBy", e.recordedBy()));
    }

    private static void practiceAdopted(PracticeAdopted e, ViewEvent event, ViewUpdate view) {
        practiceVersion(event, view, e.practiceId(), e.placeId(), e.programmeId(), e.name(), new Document("kind", "adopted")
                .append("decisionId", e.practiceId()).append("text", e.description()).append("why", e.why())
                .append("insightIds", DocumentFields.list(e.insightIds())).append("sharedLearningIds", DocumentFields.list(e.sharedLearningIds()))
                .append("decidedBy", DocumentFields.list(e.decidedBy())).append("forum", e.forum()).append("occurredOn", day(e.happenedOn())));
        decision(event, view, e.practiceId(), "adopted", e.practiceId(), e.placeId(), e.programmeId(), null, e.description(),
                e.why(), e.insightIds(), e.sharedLearningIds(), e.decidedBy(), e.forum(), e.happenedOn());
    }

    private static void practiceAdapted(PracticeAdapted e, ViewEvent event, ViewUpdate view) {
        practiceVersion(event, view, e.practiceId(), e.placeId(), e.programmeId(), null, new Document("kind", "adapted")
                .append("decisionId", e.adaptationId()).append("was", e.was()).append("text", e.becomes()).append("why", e.why())
                .append("insightIds", DocumentFields.list(e.insightIds())).append("sharedLearningIds", DocumentFields.list(e.sharedLearningIds()))
                .append("decidedBy", DocumentFields.list(e.decidedBy())).append("forum", e.forum()).append("occurredOn", day(e.happenedOn())));
        decision(event, view, e.adaptationId(), "adapted", e.practiceId(), e.placeId(), e.programmeId(), e.was(), e.becomes(),
                e.why(), e.insightIds(), e.sharedLearningIds(), e.decidedBy(), e.forum(), e.happenedOn());
    }

    private static void practiceRetired(PracticeRetired e, ViewEvent event, ViewUpdate view) {
        practiceVersion(event, view, e.practiceId(), e.placeId(), e.programmeId(), null, new Document("kind", "retired")
                .append("why", e.why()).append("insightIds", DocumentFields.list(e.insightIds())).append("occurredOn", day(e.happenedOn())));
    }

    private static void outcomeReviewed(AdaptationOutcomeReviewed e, ViewEvent event, ViewUpdate view) {
        Document decision = view.edit(decisionId(e.adaptationId()));
        if (decision != null) {
            DocumentFields.appendable(decision, "reviews").add(stamp(event, new Document("outcome", e.outcome().name())
                    .append("notes", e.notes()).append("insightIds", DocumentFields.list(e.insightIds()))
                    .append("reviewedOn", day(e.happenedOn())).append("recordedBy", e.recordedBy())));
        }
    }

    private static void learningShared(LearningShared e, ViewEvent event, ViewUpdate view) {
        Document share = view.edit(shareId(e.sharedLearningId()));
        if (share != null) {
            share.append("programmeId", e.programmeId()).append("placeId", e.placeId()).append("title", e.title())
                    .append("summary", e.summary()).append("wholeProgramme", e.audience().wholeProgramme())
                    .append("audiencePlaceIds", DocumentFields.list(e.audience().placeIds()))
                    .append("audienceFunderIds", DocumentFields.list(e.audience().funderIds()))
                    .append("insightIds", DocumentFields.list(e.insightIds()))
                    .append("adaptationIds", DocumentFields.list(e.adaptations().stream().map(LearningShared.AdaptationRef::adaptationId).toList()))
                    .append("at", DocumentFields.date(event.recordedAt())).append("pos", event.position());
        }
        for (LearningShared.AdaptationRef adaptation : e.adaptations()) {
            travelled(event, view, adaptation.adaptationId(), new Document("kind", "shared")
                    .append("sharedLearningId", e.sharedLearningId()).append("placeId", e.placeId()).append("title", e.title()));
        }
    }

    private static void sharedLearningAdopted(SharedLearningAdopted e, ViewEvent event, ViewUpdate view) {
        Document shared = view.read(shareId(e.sharedLearningId()));
        Document share = view.edit(shareId(e.sharedLearningId()));
        if (share != null) {
            DocumentFields.appendable(share, "adoptions").add(stamp(event, new Document("placeId", e.placeId())
                    .append("practiceId", e.practiceId()).append("adaptationId", e.adaptationId()).append("note", e.note())));
        }
        for (String adaptationId : DocumentFields.strings(shared, "adaptationIds")) {
            travelled(event, view, adaptationId, new Document("kind", "adopted").append("sharedLearningId", e.sharedLearningId())
                    .append("placeId", e.placeId()).append("practiceId", e.practiceId()).append("adaptationId", e.adaptationId()));
        }
    }

    private static void sharedLearningRespondedTo(SharedLearningRespondedTo e, ViewEvent event, ViewUpdate view) {
        Document share = view.edit(shareId(e.sharedLearningId()));
        if (share != null) {
            DocumentFields.appendable(share, "responses").add(stamp(event, new Document("placeId", e.placeId())
                    .append("kind", e.kind().name()).append("text", e.text())));
        }
    }

    private static void personRegistered(PersonRegistered e, ViewEvent event, ViewUpdate view) {
        Document person = view.edit(registrationId(e.personId()));
        if (person != null) {
            // personId: whose key the sealed name is under, as ViewDigest reads it
            person.append("personId", e.personId()).append("programmeId", e.programmeId()).append("placeId", e.placeId())
                    .append("role", name(e.role()))
                    .append("name", e.personalData() == null ? null : e.personalData().name())
                    .append("mayBeQuoted", e.mayBeQuoted()).append("at", DocumentFields.date(event.recordedAt()))
                    .append("pos", event.position());
        }
    }

    private static void personalDataErased(PersonalDataErased e, ViewEvent event, ViewUpdate view) {
        Document person = view.edit(registrationId(e.personId()));
        if (person != null) {
            person.append("erasedAt", DocumentFields.date(event.recordedAt()));
        }
    }

    private static void funderRegistered(FunderRegistered e, ViewEvent event, ViewUpdate view) {
        Document funder = view.edit(funderId(e.funderId()));
        if (funder != null) {
            funder.append("programmeId", e.programmeId()).append("name", e.name())
                    .append("at", DocumentFields.date(event.recordedAt())).append("pos", event.position());
        }
    }

    private static void sensemakingHeld(SensemakingHeld e, ViewEvent event, ViewUpdate view) {
        Document session = view.edit(sessionId(e.sessionId()));
        if (session != null) {
            session.append("programmeId", e.programmeId()).append("title", e.title())
                    .append("participantIds", DocumentFields.list(e.participantIds()))
                    .append("placeIds", DocumentFields.list(e.placeIds()))
                    .append("insightIds", DocumentFields.list(e.insightIds()))
                    .append("conclusions", e.conclusions()).append("heldOn", day(e.happenedOn()))
                    .append("recordedBy", e.recordedBy())
                    .append("at", DocumentFields.date(event.recordedAt())).append("pos", event.position());
        }
        for (String insight : e.insightIds()) {
            Document document = view.edit(insightId(insight));
            if (document != null) {
                DocumentFields.appendable(document, "sensemaking").add(stamp(event, new Document("sessionId", e.sessionId())
                        .append("title", e.title()).append("conclusions", e.conclusions())));
            }
        }
    }

    private static void insightVersion(ViewEvent event, ViewUpdate view, String insightId, String placeId, String programmeId,
                                       Document version) {
        Document insight = view.edit(insightId(insightId));
        if (insight != null) {
            insight.append("placeId", placeId).append("programmeId", programmeId);
            DocumentFields.appendable(insight, "versions").add(stamp(event, version));
        }
    }

    private static void practiceVersion(ViewEvent event, ViewUpdate view, String practiceId, String placeId, String programmeId,
                                        String name, Document version) {
        Document practice = view.edit(practiceId(practiceId));
        if (practice == null) {
            return;
        }
        boolean known = practice.containsKey("versions");
        practice.append("placeId", placeId).append("programmeId", programmeId);
        if (name != null) {
            practice.append("name", name);
        }
        DocumentFields.appendable(practice, "versions").add(stamp(event, version));
        if (!known) {
            Document place = view.edit(placeId(placeId));
            if (place != null) {
                DocumentFields.appendable(place, "practices").add(stamp(event, new Document("practiceId", practiceId)));
            }
        }
    }

    private static void decision(ViewEvent event, ViewUpdate view, String decisionId, String kind, String practiceId, String placeId,
                                 String programmeId, String was, String becomes, String why, List<String> insightIds,
                                 List<String> sharedLearningIds, List<String> decidedBy, String forum, LocalDate occurredOn) {
        Document decision = view.edit(decisionId(decisionId));
        if (decision != null) {
            decision.append("kind", kind).append("practiceId", practiceId).append("placeId", placeId)
                    .append("programmeId", programmeId).append("was", was).append("becomes", becomes).append("why", why)
                    .append("insightIds", DocumentFields.list(insightIds)).append("sharedLearningIds", DocumentFields.list(sharedLearningIds))
                    .append("decidedBy", DocumentFields.list(decidedBy)).append("forum", forum).append("occurredOn", day(occurredOn))
                    .append("at", DocumentFields.date(event.recordedAt())).append("pos", event.position());
        }
    }

    private static void travelled(ViewEvent event, ViewUpdate view, String adaptationId, Document step) {
        Document decision = view.edit(decisionId(adaptationId));
        if (decision != null) {
            DocumentFields.appendable(decision, "travelled").add(stamp(event, step));
        }
    }

    private static Document stamp(ViewEvent event, Document value) {
        return value.append("pos", event.position()).append("at", DocumentFields.date(event.recordedAt()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
