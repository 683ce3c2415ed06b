package org.learninglog.query.view;

import org.bson.Document;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an event into the timeline lines it puts on place timelines (and the programme's): one
 * line per place it concerns, or one programme-wide line ({@code placeId == null}). Lines about
 * practices, shares and sessions carry the framework tags of the insights they cite, as those
 * read when the event was recorded, so that filtering a journey by a principle also finds the
 * decisions that principle led to.
 *
 * <p>The view keeps what it needs for that in its own documents ({@code tags:<insightId>},
 * {@code origin:<sharedLearningId>}), each a history by position, so that an event applied again
 * reads exactly what it read the first time.
 */
public final class EventLines {

    private EventLines() {
    }

    public static List<Document> linesOf(ViewEvent event, ViewUpdate view) {
        Object payload = event.payload();
        List<Document> lines = new ArrayList<>();
        if (payload instanceof PersonRegistered e) {
            // The person's name, as the event handed it over: sealed with their key (see Evidence).
            remember(view, personKey(e.personId()), new Document("personId", e.personId()).append("name", e.personalData() == null ? null : e.personalData().name()));
        } else if (payload instanceof InsightRecorded e) {
            TimelineLine.Facets facets = new TimelineLine.Facets(e.principles(), e.themes(), name(e.layer()), name(e.sphere()), e.source(), List.of());
            remember(view, "tags:" + e.insightId(), facets(facets));
            Document line = TimelineLine.of(event, "insight-recorded", e.placeId(), e.programmeId(), e.insightId(), e.happenedOn(),
                    e.text(), facets, List.of());
            if (e.evidence() != null) {
                line.append(TimelineLine.EVIDENCE, evidence(view, e.evidence()));
            }
            lines.add(line);
        } else if (payload instanceof InsightRevised e) {
            TimelineLine.Facets facets = new TimelineLine.Facets(e.principles(), e.themes(), name(e.layer()), name(e.sphere()), e.source(), List.of());
            remember(view, "tags:" + e.insightId(), facets(facets));
            lines.add(TimelineLine.of(event, "insight-revised", e.placeId(), e.programmeId(), e.insightId(), null, e.text(), facets, List.of()));
        } else if (payload instanceof InsightRetracted e) {
            lines.add(TimelineLine.of(event, "insight-retracted", e.placeId(), e.programmeId(), e.insightId(), null, e.reason(),
                    facetsOf(view, List.of(e.insightId())), List.of()));
        } else if (payload instanceof PracticeAdopted e) {
            lines.add(TimelineLine.of(event, "practice-adopted", e.placeId(), e.programmeId(), e.practiceId(), e.occurredOn(),
                    e.name() + ": " + e.description(), facetsOf(view, e.insightIds()), refs(e.insightIds(), e.sharedLearningIds())));
        } else if (payload instanceof PracticeAdapted e) {
            lines.add(TimelineLine.of(event, "practice-adapted", e.placeId(), e.programmeId(), e.practiceId(), e.occurredOn(),
                    e.becomes(), facetsOf(view, e.insightIds()), refs(List.of(e.adaptationId()), e.insightIds(), e.sharedLearningIds())));
        } else if (payload instanceof PracticeRetired e) {
            lines.add(TimelineLine.of(event, "practice-retired", e.placeId(), e.programmeId(), e.practiceId(), e.occurredOn(),
                    e.why(), facetsOf(view, e.insightIds()), refs(e.insightIds())));
        } else if (payload instanceof AdaptationOutcomeReviewed e) {
            lines.add(TimelineLine.of(event, "outcome-reviewed", e.placeId(), e.programmeId(), e.adaptationId(), e.reviewedOn(),
                    e.outcome() + (e.notes() == null ? "" : ": " + e.notes()), facetsOf(view, e.insightIds()),
                    refs(List.of(e.practiceId()), e.insightIds())));
        } else if (payload instanceof LearningShared e) {
            remember(view, "origin:" + e.sharedLearningId(), new Document("placeId", e.placeId()));
            lines.add(TimelineLine.of(event, "learning-shared", e.placeId(), e.programmeId(), e.sharedLearningId(), null, e.title(),
                    facetsOf(view, e.insightIds()), refs(e.insightIds(), e.adaptations().stream().map(LearningShared.AdaptationRef::adaptationId).toList())));
        } else if (payload instanceof SharedLearningAdopted e) {
            Document origin = recalled(view, "origin:" + e.sharedLearningId());
            String from = origin == null ? null : origin.getString("placeId");
            List<String> refs = refs(List.of(e.sharedLearningId(), e.practiceId()),
                    e.adaptationId() == null ? List.of() : List.of(e.adaptationId()), from == null ? List.of() : List.of(from));
            lines.add(TimelineLine.of(event, "shared-learning-adopted", e.placeId(), e.programmeId(), e.sharedLearningId(), null,
                    e.note(), TimelineLine.Facets.NONE, refs));
            if (from != null && !from.equals(e.placeId())) {
                lines.add(TimelineLine.of(event, "learning-taken-up", from, e.programmeId(), e.sharedLearningId(), null,
                        e.note(), TimelineLine.Facets.NONE, refs));
            }
        } else if (payload instanceof SharedLearningRespondedTo e) {
            lines.add(TimelineLine.of(event, "shared-learning-" + e.kind().name().toLowerCase(), e.placeId(), e.programmeId(),
                    e.sharedLearningId(), null, e.text(), TimelineLine.Facets.NONE, List.of()));
        } else if (payload instanceof SensemakingHeld e) {
            TimelineLine.Facets facets = facetsOf(view, e.insightIds());
            List<String> places = e.placeIds().isEmpty() ? java.util.Collections.singletonList(null) : e.placeIds();
            for (String placeId : places) {
                lines.add(TimelineLine.of(event, "sensemaking-held", placeId, e.programmeId(), e.sessionId(), e.heldOn(),
                        e.title(), facets, refs(e.insightIds())));
            }
        }
        return lines;
    }

    /** Where a view remembers a person's (sealed) name. */
    public static String personKey(String personId) {
        return "person:" + personId;
    }

    /** The evidence of an insight as a view keeps it: the sealed quote, and the sealed name of who said it. */
    public static Document evidence(ViewUpdate view, PersonalData quote) {
        Document person = recalled(view, personKey(quote.personId()));
        return Evidence.document(quote, person == null ? null : person.getString("name"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    @SafeVarargs
    private static List<String> refs(Collection<String>... groups) {
        Set<String> all = new LinkedHashSet<>();
        for (Collection<String> group : groups) {
            group.stream().filter(java.util.Objects::nonNull).forEach(all::add);
        }
        return List.copyOf(all);
    }

    private static Document facets(TimelineLine.Facets facets) {
        return new Document(TimelineLine.PRINCIPLES, DocumentFields.list(facets.principles())).append(TimelineLine.THEMES, DocumentFields.list(facets.themes()))
                .append(TimelineLine.LAYER, facets.layer()).append(TimelineLine.SPHERE, facets.sphere()).append(TimelineLine.SOURCE, facets.source());
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
    private static TimelineLine.Facets facetsOf(ViewUpdate view, List<String> insightIds) {
        Set<String> principles = new LinkedHashSet<>();
        Set<String> themes = new LinkedHashSet<>();
        String layer = null;
        String sphere = null;
        String source = null;
        for (String insightId : insightIds) {
            Document facets = recalled(view, "tags:" + insightId);
            if (facets == null) {
                continue;
            }
            principles.addAll(DocumentFields.strings(facets, TimelineLine.PRINCIPLES));
            themes.addAll(DocumentFields.strings(facets, TimelineLine.THEMES));
            layer = layer != null ? layer : facets.getString(TimelineLine.LAYER);
            sphere = sphere != null ? sphere : facets.getString(TimelineLine.SPHERE);
            source = source != null ? source : facets.getString(TimelineLine.SOURCE);
        }
        return new TimelineLine.Facets(List.copyOf(principles), List.copyOf(themes), layer, sphere, source, List.of());
    }

    /** The day an entry is about, for callers that need it without a line. */
    public static LocalDate day(Document entry) {
        return LocalDate.parse(entry.getString(TimelineLine.DATE));
    }
}
