package org.learninglog.query.practice;

import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.VersionHistories;
import org.learninglog.query.journey.DecisionDocument;
import org.learninglog.query.journey.InsightDocument;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.PracticeDocument;
import org.learninglog.query.journey.Stamped;
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
    public PracticeHistory history(String practiceId, Instant asOf, LocalDate on) {
        PracticeHistory history = history(views.reader(JourneyProjection.NAME), practiceId, asOf, on);
        return new PracticeHistory(history.practiceId(), history.placeId(), history.programmeId(), history.name(), history.status(),
                history.asOf(), history.versions().stream().map(version -> new PracticeHistory.Version(version.number(), version.kind(),
                        version.decisionId(), version.recordedAt(), version.occurredOn(), version.was(), version.text(), version.why(),
                        version.decidedBy(), version.forum(), version.sharedLearningIds(),
                        version.triggeredBy().stream().map(reading -> reading.opened(evidence)).toList(),
                        version.outcomes(), version.changeFromPrevious())).toList());
    }

    public static PracticeHistory history(ViewReader reader, String practiceId, Instant asOf) {
        return history(reader, practiceId, asOf, null);
    }

    /**
     * The versions recorded by {@code asOf} (the record's clock) that had happened by {@code on} (the
     * story's), in the order recorded; outcomes likewise, by the day they were reviewed.
     */
    public static PracticeHistory history(ViewReader reader, String practiceId, Instant asOf, LocalDate on) {
        PracticeDocument practice = PracticeDocument.of(reader.get(JourneyProjection.practiceId(practiceId)));
        Predicate<Stamped> moment = VersionHistories.upTo(asOf);
        List<PracticeDocument.Version> versions = practice == null ? List.of()
                : VersionHistories.at(practice.versions(), moment).stream().filter(VersionHistories.happenedBy(on)).toList();
        if (versions.isEmpty()) {
            throw new NotFoundException(practice != null && on != null ? "on" : "practiceId",
                    asOf == null && on == null ? "No practice with this id is known (yet)"
                    : "No practice with this id was recorded" + (asOf == null ? "" : " by " + asOf)
                    + (on == null ? "" : " that had happened by " + on));
        }
        Set<String> decisionIds = new LinkedHashSet<>();
        Set<String> insightIds = new LinkedHashSet<>();
        for (PracticeDocument.Version version : versions) {
            if (version.decisionId() != null) {
                decisionIds.add(JourneyProjection.decisionId(version.decisionId()));
            }
            version.insightIds().forEach(id -> insightIds.add(JourneyProjection.insightId(id)));
        }
        reader.getAll(new ArrayList<>(decisionIds));
        reader.getAll(new ArrayList<>(insightIds));

        List<PracticeHistory.Version> history = new ArrayList<>();
        String previousText = null;
        String status = "active";
        for (PracticeDocument.Version version : versions) {
            long position = version.position();
            List<VersionHistories.InsightReading> triggers = new ArrayList<>();
            for (String insightId : version.insightIds()) {
                VersionHistories.InsightReading reading = VersionHistories.insight(insightId,
                        InsightDocument.of(reader.get(JourneyProjection.insightId(insightId))),
                        VersionHistories.before(position + 1).and(VersionHistories.happenedBy(on)));
                if (reading != null) {
                    triggers.add(reading);
                }
            }
            String decisionId = version.decisionId();
            DecisionDocument decision = decisionId == null ? null : DecisionDocument.of(reader.get(JourneyProjection.decisionId(decisionId)));
            List<PracticeHistory.Outcome> outcomes = decision == null ? List.of()
                    : VersionHistories.at(decision.reviews(), moment.and(VersionHistories.happenedBy(on))).stream()
                    .map(review -> new PracticeHistory.Outcome(review.outcome(), review.notes(), review.reviewedOn(),
                            review.recordedAt(), List.copyOf(review.insightIds())))
                    .toList();
            String kind = version.kind();
            boolean retired = PracticeDocument.Version.RETIRED.equals(kind);
            String text = retired ? previousText : version.text();
            if (retired) {
                status = "retired";
            }
            history.add(new PracticeHistory.Version(history.size() + 1, kind, decisionId, version.recordedAt(),
                    version.occurredOn(), version.was(), text, version.why(), List.copyOf(version.decidedBy()), version.forum(),
                    List.copyOf(version.sharedLearningIds()), triggers, outcomes,
                    previousText == null ? null : WordDiff.between(previousText, text)));
            previousText = text;
        }
        return new PracticeHistory(practiceId, practice.placeId(), practice.programmeId(), practice.name(), status, asOf, history);
    }
}
