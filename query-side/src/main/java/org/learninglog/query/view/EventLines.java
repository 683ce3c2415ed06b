package org.learninglog.query.view;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.sensemaking.SensemakingHeld;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an event into the timeline lines it puts on place timelines (and the programme's): one
 * line per place it concerns, or one programme-wide line ({@code placeId == null}). Lines about
 * practices, shares and sessions carry the framework tags of the insights they cite, as those
 * read when the event was recorded, so that filtering a journey by a principle also finds the
 * decisions that principle led to.
 *
 * <p>The view keeps what it needs for that in its own documents ({@code tags:<insightId>} unless it
 * keeps the insights' versions already: {@link InsightTags}; {@code origin:<sharedLearningId>}),
 * each a history by position, so that an event applied again reads exactly what it read the first time.
 */
public final class EventLines {

    /**
     * Where a view keeps the tags each insight had at each position, to give the lines of later
     * events the tags of the insights they cite.
     */
    public interface InsightTags {

        /** Notes an insight's tags as this event recorded or revised them. */
        void remember(ViewUpdate view, String insightId, TimelineLine.Facets facets);

        /** The insight's tags as they read before this event; {@code null} if it had none then. */
        TimelineLine.Facets recall(ViewUpdate view, String insightId);
    }

    /** A history of each insight's tags by position in a document of its own, {@code tags:<insightId>}. */
    public static final InsightTags TAG_DOCUMENTS = new InsightTags() {
        @Override
        public void remember(ViewUpdate view, String insightId, TimelineLine.Facets facets) {
            EventLines.remember(view, "tags:" + insightId, facets.toDocument());
        }

        @Override
        public TimelineLine.Facets recall(ViewUpdate view, String insightId) {
            Document remembered = recalled(view, "tags:" + insightId);
            return remembered == null ? null : TimelineLine.Facets.of(remembered);
        }
    };

    /** What the handlers write to: the view's documents, where it keeps tags, and the lines of the event. */
    private record Lines(ViewUpdate view, InsightTags tags, List<TimelineLine> lines) {

        void add(TimelineLine line) {
            lines.add(line);
        }
    }

    private static final EventHandlers<Lines> HANDLERS = new EventHandlers<Lines>()
            .on(PersonRegistered.class, EventLines::personRegistered)
            .on(InsightRecorded.class, EventLines::insightRecorded)
            .on(InsightRevised.class, EventLines::insightRevised)
            .on(InsightRetracted.class, EventLines::insightRetracted)
            .on(PracticeAdopted.class, EventLines::practiceAdopted)
            .on(PracticeAdapted.class, EventLines::practiceAdapted)
            .on(PracticeRetired.class, EventLines::practiceRetired)
            .on(AdaptationOutcomeReviewed.class, EventLines::outcomeReviewed)
            .on(LearningShared.class, EventLines::learningShared)
            .on(SharedLearningAdopted.class, EventLines::sharedLearningAdopted)
            .on(SharedLearningRespondedTo.class, EventLines::sharedLearningRespondedTo)
            .on(SensemakingHeld.class, EventLines::sensemakingHeld);

    private EventLines() {
    }

    public static List<TimelineLine> linesOf(ViewEvent event, ViewUpdate view) {
        return linesOf(event, view, TAG_DOCUMENTS);
    }

    public static List<TimelineLine> linesOf(ViewEvent event, ViewUpdate view, InsightTags tags) {
        Lines lines = new Lines(view, tags, new ArrayList<>());
        HANDLERS.handle(event, lines);
        return lines.lines();
    }

    private static void personRegistered(PersonRegistered e, ViewEvent event, Lines out) {
        // The person's name, as the event handed it over: sealed with their key (see Evidence).
        remember(out.view(), personKey(e.personId()), new Document("personId", e.personId())
                .append("name", e.personalData() == null ? null : e.personalData().name()));
    }

    private static void insightRecorded(InsightRecorded e, ViewEvent event, Lines out) {
        TimelineLine.Facets facets = new TimelineLine.Facets(e.principles(), e.themes(), name(e.layer()), name(e.sphere()), e.source(), List.of());
        out.tags().remember(out.view(), e.insightId(), facets);
        TimelineLine line = TimelineLine.of(event, "insight-recorded", e.placeId(), e.programmeId(), e.insightId(), e.happenedOn(),
                e.text(), facets, List.of());
        out.add(e.evidence() == null ? line : line.withEvidence(evidence(out.view(), e.evidence())));
    }

    private static void insightRevised(InsightRevised e, ViewEvent event, Lines out) {
        TimelineLine.Facets facets = new TimelineLine.Facets(e.principles(), e.themes(), name(e.layer()), name(e.sphere()), e.source(), List.of());
        out.tags().remember(out.view(), e.insightId(), facets);
        out.add(TimelineLine.of(event, "insight-revised", e.placeId(), e.programmeId(), e.insightId(), e.happenedOn(), e.text(), facets, List.of()));
    }

    private static void insightRetracted(InsightRetracted e, ViewEvent event, Lines out) {
        out.add(TimelineLine.of(event, "insight-retracted", e.placeId(), e.programmeId(), e.insightId(), e.happenedOn(), e.reason(),
                facetsOf(out, List.of(e.insightId())), List.of()));
    }

    private static void practiceAdopted(PracticeAdopted e, ViewEvent event, Lines out) {
        out.add(TimelineLine.of(event, "practice-adopted", e.placeId(), e.programmeId(), e.practiceId(), e.happenedOn(),
                e.name() + ": " + e.description(), facetsOf(out, e.insightIds()), refs(e.insightIds(), e.sharedLearningIds())));
    }

    private static void practiceAdapted(PracticeAdapted e, ViewEvent event, Lines out) {
        out.add(TimelineLine.of(event, "practice-adapted", e.placeId(), e.programmeId(), e.practiceId(), e.happenedOn(),
                e.becomes(), facetsOf(out, e.insightIds()), refs(List.of(e.adaptationId()), e.insightIds(), e.sharedLearningIds())));
    }

    private static void practiceRetired(PracticeRetired e, ViewEvent event, Lines out) {
        out.add(TimelineLine.of(event, "practice-retired", e.placeId(), e.programmeId(), e.practiceId(), e.happenedOn(),
                e.why(), facetsOf(out, e.insightIds()), refs(e.insightIds())));
    }

    private static void outcomeReviewed(AdaptationOutcomeReviewed e, ViewEvent event, Lines out) {
        out.add(TimelineLine.of(event, "outcome-reviewed", e.placeId(), e.programmeId(), e.adaptationId(), e.happenedOn(),
                e.outcome() + (e.notes() == null ? "" : ": " + e.notes()), facetsOf(out, e.insightIds()),
                refs(List.of(e.practiceId()), e.insightIds())));
    }

    private static void learningShared(LearningShared e, ViewEvent event, Lines out) {
        remember(out.view(), "origin:" + e.sharedLearningId(), new Document("placeId", e.placeId()));
        out.add(TimelineLine.of(event, "learning-shared", e.placeId(), e.programmeId(), e.sharedLearningId(), e.happenedOn(), e.title(),
                facetsOf(out, e.insightIds()),
                refs(e.insightIds(), e.adaptations().stream().map(LearningShared.AdaptationRef::adaptationId).toList())));
    }

    private static void sharedLearningAdopted(SharedLearningAdopted e, ViewEvent event, Lines out) {
        Document origin = recalled(out.view(), "origin:" + e.sharedLearningId());
        String from = origin == null ? null : origin.getString("placeId");
        List<String> refs = refs(List.of(e.sharedLearningId(), e.practiceId()),
                e.adaptationId() == null ? List.of() : List.of(e.adaptationId()), from == null ? List.of() : List.of(from));
        out.add(TimelineLine.of(event, "shared-learning-adopted", e.placeId(), e.programmeId(), e.sharedLearningId(), e.happenedOn(),
                e.note(), TimelineLine.Facets.NONE, refs));
        if (from != null && !from.equals(e.placeId())) {
            out.add(TimelineLine.of(event, "learning-taken-up", from, e.programmeId(), e.sharedLearningId(), e.happenedOn(),
                    e.note(), TimelineLine.Facets.NONE, refs));
        }
    }

    private static void sharedLearningRespondedTo(SharedLearningRespondedTo e, ViewEvent event, Lines out) {
        out.add(TimelineLine.of(event, "shared-learning-" + e.kind().name().toLowerCase(), e.placeId(), e.programmeId(),
                e.sharedLearningId(), e.happenedOn(), e.text(), TimelineLine.Facets.NONE, List.of()));
    }

    private static void sensemakingHeld(SensemakingHeld e, ViewEvent event, Lines out) {
        TimelineLine.Facets facets = facetsOf(out, e.insightIds());
        List<String> places = e.placeIds().isEmpty() ? Collections.singletonList(null) : e.placeIds();
        for (String placeId : places) {
            out.add(TimelineLine.of(event, "sensemaking-held", placeId, e.programmeId(), e.sessionId(), e.happenedOn(),
                    e.title(), facets, refs(e.insightIds())));
        }
    }

    /** Where a view remembers a person's (sealed) name. */
    public static String personKey(String personId) {
        return "person:" + personId;
    }

    /** The evidence of an insight as a view keeps it: the sealed quote, and the sealed name of who said it. */
    public static Evidence evidence(ViewUpdate view, PersonalData quote) {
        Document person = recalled(view, personKey(quote.personId()));
        return Evidence.sealed(quote, person == null ? null : person.getString("name"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    @SafeVarargs
    private static List<String> refs(Collection<String>... groups) {
        Set<String> all = new LinkedHashSet<>();
        for (Collection<String> group : groups) {
            group.stream().filter(Objects::nonNull).forEach(all::add);
        }
        return List.copyOf(all);
    }

    /** Appends a value to the history kept under {@code id}. */
    private static void remember(ViewUpdate view, String id, Document value) {
        Document memory = view.edit(id);
        if (memory != null) {
            DocumentFields.appendable(memory, "history").add(value.append("pos", view.position()));
        }
    }

    /** The latest value under {@code id} from before this event. */
    private static Document recalled(ViewUpdate view, String id) {
        Document memory = view.read(id);
        Document found = null;
        for (Document value : DocumentFields.documents(memory, "history")) {
            if (value.get("pos", Number.class).longValue() < view.position()) {
                found = value;
            }
        }
        return found;
    }

    /** The union of the tags of the cited insights, as they read before this event. */
    private static TimelineLine.Facets facetsOf(Lines out, List<String> insightIds) {
        Set<String> principles = new LinkedHashSet<>();
        Set<String> themes = new LinkedHashSet<>();
        String layer = null;
        String sphere = null;
        String source = null;
        for (String insightId : insightIds) {
            TimelineLine.Facets facets = out.tags().recall(out.view(), insightId);
            if (facets == null) {
                continue;
            }
            principles.addAll(facets.principles());
            themes.addAll(facets.themes());
            layer = layer != null ? layer : facets.layer();
            sphere = sphere != null ? sphere : facets.sphere();
            source = source != null ? source : facets.source();
        }
        return new TimelineLine.Facets(List.copyOf(principles), List.copyOf(themes), layer, sphere, source, List.of());
    }
}
