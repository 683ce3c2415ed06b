package org.learninglog.query.audit;

import org.learninglog.query.NotFoundException;
import org.learninglog.query.audit.DecisionAudit.ChainLink;
import org.learninglog.query.journey.VersionHistories;
import org.learninglog.query.journey.DecisionDocument;
import org.learninglog.query.journey.InsightDocument;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.PracticeDocument;
import org.learninglog.query.journey.Stamped;
import org.learninglog.query.view.LateRecord;
import org.learninglog.query.web.OnParameter;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.integrity.Seal;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decision audit trails from the journey view, by exact keys: the decision, its insights, its
 * practice, each folded on both clocks (recorded by {@code known}, happened by {@code on}); then the seals of every event named, in one exact-key read of the {@code seals} collection.
 */
@Component
public class AuditQueries {

    /** No seal lookup: every event reads as not sealed yet (for folds outside the application). */
    public static final Function<Collection<Long>, Map<Long, Seal>> NO_SEALS = positions -> Map.of();

    private final LiveViews views;
    private final EventChain chain;
    private final EvidenceOpener evidence;

    public AuditQueries(LiveViews views, EventChain chain, EvidenceOpener evidence) {
        this.views = views;
        this.chain = chain;
        this.evidence = evidence;
    }

    /** The trail with each event's seal, and the evidence readable or marked removed. */
    public DecisionAudit audit(String decisionId, Instant known, LocalDate on) {
        return audit(views.reader(JourneyProjection.NAME), decisionId, known, on, chain::seals).opened(evidence);
    }

    public static DecisionAudit audit(ViewReader reader, String decisionId, Instant asOf) {
        return audit(reader, decisionId, asOf, null, NO_SEALS);
    }

    public static DecisionAudit audit(ViewReader reader, String decisionId, Instant known, LocalDate on) {
        return audit(reader, decisionId, known, on, NO_SEALS);
    }

    public static DecisionAudit audit(ViewReader reader, String decisionId, Instant known,
                                      Function<Collection<Long>, Map<Long, Seal>> sealsAt) {
        return audit(reader, decisionId, known, null, sealsAt);
    }

    /**
     * The trail as the record stood at {@code known} and the story by the end of {@code on} (either
     * {@code null}: all of it). "Then" is the record just before the decision was recorded (what its
     * makers could read when they decided), of what had happened by {@code on}.
     */
    public static DecisionAudit audit(ViewReader reader, String decisionId, Instant known, LocalDate on,
                                      Function<Collection<Long>, Map<Long, Seal>> sealsAt) {
        DecisionDocument decision = DecisionDocument.of(reader.get(JourneyProjection.decisionId(decisionId)));
        Predicate<Stamped> moment = VersionHistories.upTo(known).and(VersionHistories.happenedBy(on));
        if (decision == null || decision.position() == null || (known != null && decision.recordedAt().isAfter(known))) {
            throw new NotFoundException("adaptationId", known == null ? "No decision with this id is known (yet)"
                    : "No decision with this id was recorded by " + known);
        }
        LocalDate decided = storyDay(decision);
        if (on != null && decided.isAfter(on)) {
            throw new NotFoundException(OnParameter.ON, "This decision was taken on " + decided + ", after " + on);
        }
        long position = decision.position();
        // "Then" is the record just before the decision was recorded, of what had happened by on.
        Predicate<Stamped> decidedThen = VersionHistories.before(position).and(VersionHistories.happenedBy(on));
        List<String> insightIds = decision.insightIds();
        reader.getAll(insightIds.stream().map(JourneyProjection::insightId).toList());

        PracticeDocument practice = PracticeDocument.of(reader.get(JourneyProjection.practiceId(decision.practiceId())));
        List<PracticeDocument.Version> laterVersions = practice == null ? List.of()
                : VersionHistories.at(practice.versions(), moment.and(VersionHistories.before(position + 1).negate()));
        List<DecisionDocument.Review> reviewed = VersionHistories.at(decision.reviews(), moment);
        List<DecisionDocument.Step> steps = VersionHistories.at(decision.travelled(), moment);

        Set<Long> positions = new LinkedHashSet<>();
        positions.add(position);
        Map<String, InsightDocument> insightDocuments = new LinkedHashMap<>();
        for (String insightId : insightIds) {
            InsightDocument insight = InsightDocument.of(reader.get(JourneyProjection.insightId(insightId)));
            insightDocuments.put(insightId, insight);
            if (insight != null) {
                VersionHistories.at(insight.versions(), moment).forEach(version -> positions.add(version.position()));
            }
        }
        laterVersions.forEach(version -> positions.add(version.position()));
        reviewed.forEach(review -> positions.add(review.position()));
        steps.forEach(step -> positions.add(step.position()));
        Map<Long, Seal> seals = sealsAt.apply(positions);
        Function<Stamped, ChainLink> link = value -> link(value.position(), seals);

        List<DecisionAudit.InsightTrail> insights = new ArrayList<>();
        for (String insightId : insightIds) {
            InsightDocument insight = insightDocuments.get(insightId);
            List<InsightDocument.Version> versions = insight == null ? List.of() : insight.versions();
            VersionHistories.InsightReading then = VersionHistories.insight(insightId, insight, decidedThen);
            VersionHistories.InsightReading now = VersionHistories.insight(insightId, insight, moment);
            List<DecisionAudit.Change> changes = VersionHistories.at(versions, moment.and(VersionHistories.before(position).negate())).stream()
                    .map(version -> new DecisionAudit.Change(version.kind(), version.recordedAt(), version.storyDay(),
                            late(version), version.text(), version.reason(), link.apply(version)))
                    .toList();
            List<DecisionAudit.InsightEvent> events = VersionHistories.at(versions, moment).stream()
                    .map(version -> new DecisionAudit.InsightEvent(version.kind(), version.recordedAt(), version.storyDay(),
                            late(version), version.position() < position, link.apply(version)))
                    .toList();
            insights.add(new DecisionAudit.InsightTrail(insightId, then, now, !changes.isEmpty(), changes, events));
        }

        List<DecisionAudit.LaterVersion> later = laterVersions.stream()
                .map(version -> new DecisionAudit.LaterVersion(version.kind(), version.decisionId(), version.recordedAt(),
                        version.storyDay(), late(version), version.text(), version.why(), link.apply(version)))
                .toList();
        List<DecisionAudit.Review> reviews = reviewed.stream()
                .map(review -> new DecisionAudit.Review(review.outcome(), review.notes(), review.storyDay(), review.recordedAt(),
                        late(review), List.copyOf(review.insightIds()), link.apply(review)))
                .toList();
        List<DecisionAudit.Travel> travelled = steps.stream()
                .map(step -> new DecisionAudit.Travel(step.kind(), step.sharedLearningId(), step.placeId(), step.practiceId(),
                        step.adaptationId(), step.title(), step.recordedAt(), step.storyDay(), late(step), link.apply(step)))
                .toList();
        return new DecisionAudit(decisionId, decision.kind(), decision.practiceId(), decision.placeId(), decision.programmeId(),
                decision.recordedAt(), decided, LateRecord.isLate(decided, decision.recordedAt()), decision.was(),
                decision.becomes(), decision.why(), List.copyOf(decision.decidedBy()), decision.forum(),
                List.copyOf(decision.sharedLearningIds()), known, known, on, insights, later, reviews, travelled, link(position, seals));
    }

    /** The decision's story day: its own, or the day it was recorded (UTC) when it was stored without one. */
    private static LocalDate storyDay(DecisionDocument decision) {
        return decision.occurredOn() != null ? decision.occurredOn() : LocalDate.ofInstant(decision.recordedAt(), ZoneOffset.UTC);
    }

    private static boolean late(Stamped value) {
        return LateRecord.isLate(value.storyDay(), value.recordedAt());
    }

    private static ChainLink link(long position, Map<Long, Seal> seals) {
        Seal seal = seals.get(position);
        return seal == null ? ChainLink.unsealed(position)
                : new ChainLink(position, true, seal.count(), seal.hash(), seal.prev());
    }
}
