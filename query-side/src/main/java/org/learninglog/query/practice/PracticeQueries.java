package org.learninglog.query.practice;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.VersionHistories;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A practice's history from the journey view: its document, its decisions and its insights, by id. */
@Component
public class PracticeQueries {

    private final LiveViews views;
    private final EvidenceOpener evidence;

    public PracticeQueries(LiveViews views, EvidenceOpener evidence) {
        this.views = views;
        this.evidence = evidence;
    }

    /** The history with the evidence of its insights readable, or marked removed where the person withdrew consent. */
    public PracticeHistory history(String practiceId, Instant asOf) {
        PracticeHistory history = history(views.reader(JourneyProjection.NAME), practiceId, asOf);
        return new PracticeHistory(history.practiceId(), history.placeId(), history.programmeId(), history.name(), history.status(),
                history.asOf(), history.versions().stream().map(version -> new PracticeHistory.Version(version.number(), version.kind(),
                        version.decisionId(), version.recordedAt(), version.occurredOn(), version.was(), version.text(), version.why(),
                        version.decidedBy(), version.forum(), version.sharedLearningIds(),
                        version.triggeredBy().stream().map(reading -> reading.opened(evidence)).toList(),
                        version.outcomes(), version.changeFromPrevious())).toList());
    }

    public static PracticeHistory history(ViewReader reader, String practiceId, Instant asOf) {
        Document practice = reader.get(JourneyProjection.practiceId(practiceId));
        Predicate<Document> moment = VersionHistories.upTo(asOf);
        List<Document> versions = VersionHistories.versions(practice, moment);
        if (versions.isEmpty()) {
            throw new NotFoundException("practiceId", asOf == null ? "No practice with this id is known (yet)"
                    : "No practice with this id was recorded by " + asOf);
        }
        Set<String> decisionIds = new LinkedHashSet<>();
        Set<String> insightIds = new LinkedHashSet<>();
        for (Document version : versions) {
            if (version.getString("decisionId") != null) {
                decisionIds.add(JourneyProjection.decisionId(version.getString("decisionId")));
            }
            DocumentFields.strings(version, "insightIds").forEach(id -> insightIds.add(JourneyProjection.insightId(id)));
        }
        reader.getAll(new ArrayList<>(decisionIds));
        reader.getAll(new ArrayList<>(insightIds));

        List<PracticeHistory.Version> history = new ArrayList<>();
        String previousText = null;
        String status = "active";
        for (Document version : versions) {
            long position = version.get("pos", Number.class).longValue();
            List<VersionHistories.InsightReading> triggers = new ArrayList<>();
            for (String insightId : DocumentFields.strings(version, "insightIds")) {
                VersionHistories.InsightReading reading = VersionHistories.insight(insightId, reader.get(JourneyProjection.insightId(insightId)),
                        VersionHistories.before(position).or(value -> value.get("pos", Number.class).longValue() == position));
                if (reading != null) {
                    triggers.add(reading);
                }
            }
            String decisionId = version.getString("decisionId");
            List<PracticeHistory.Outcome> outcomes = decisionId == null ? List.of()
                    : VersionHistories.stamped(reader.get(JourneyProjection.decisionId(decisionId)), "reviews", moment).stream()
                    .map(review -> new PracticeHistory.Outcome(review.getString("outcome"), review.getString("notes"),
                            day(review.getString("reviewedOn")), DocumentFields.instant(review, "at"), List.copyOf(DocumentFields.strings(review, "insightIds"))))
                    .toList();
            String kind = version.getString("kind");
            String text = "retired".equals(kind) ? previousText : version.getString("text");
            if ("retired".equals(kind)) {
                status = "retired";
            }
            history.add(new PracticeHistory.Version(history.size() + 1, kind, decisionId, DocumentFields.instant(version, "at"),
                    day(version.getString("occurredOn")), version.getString("was"), text, version.getString("why"),
                    List.copyOf(DocumentFields.strings(version, "decidedBy")), version.getString("forum"),
                    List.copyOf(DocumentFields.strings(version, "sharedLearningIds")), triggers, outcomes,
                    previousText == null ? null : WordDiff.between(previousText, text)));
            previousText = text;
        }
        return new PracticeHistory(practiceId, practice.getString("placeId"), practice.getString("programmeId"),
                practice.getString("name"), status, asOf, history);
    }

    private static LocalDate day(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
