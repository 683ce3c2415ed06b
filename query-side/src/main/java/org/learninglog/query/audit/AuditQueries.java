package org.learninglog.query.audit;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.audit.DecisionAudit.ChainLink;
import org.learninglog.query.journey.VersionHistories;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.integrity.Seal;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decision audit trails from the journey view, by exact keys: the decision, its insights, its
 * practice; then the seals of every event named, in one exact-key read of the {@code seals} collection.
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
    public DecisionAudit audit(String decisionId, Instant asOf) {
        return audit(views.reader(JourneyProjection.NAME), decisionId, asOf, chain::seals).opened(evidence);
    }

    public static DecisionAudit audit(ViewReader reader, String decisionId, Instant asOf) {
        return audit(reader, decisionId, asOf, NO_SEALS);
    }

    public static DecisionAudit audit(ViewReader reader, String decisionId, Instant asOf,
                                      Function<Collection<Long>, Map<Long, Seal>> sealsAt) {
        Document decision = reader.get(JourneyProjection.decisionId(decisionId));
        Predicate<Document> moment = VersionHistories.upTo(asOf);
        if (decision == null || decision.get("pos") == null || !moment.test(decision)) {
            throw new NotFoundException("adaptationId", asOf == null ? "No decision with this id is known (yet)"
                    : "No decision with this id was recorded by " + asOf);
        }
        long position = decision.get("pos", Number.class).longValue();
        List<String> insightIds = DocumentFields.strings(decision, "insightIds");
        reader.getAll(insightIds.stream().map(JourneyProjection::insightId).toList());

        Document practice = reader.get(JourneyProjection.practiceId(decision.getString("practiceId")));
        List<Document> laterVersions = VersionHistories.versions(practice, moment.and(VersionHistories.before(position + 1).negate()));
        List<Document> reviewed = VersionHistories.stamped(decision, "reviews", moment);
        List<Document> steps = VersionHistories.stamped(decision, "travelled", moment);

        Set<Long> positions = new LinkedHashSet<>();
        positions.add(position);
        for (String insightId : insightIds) {
            VersionHistories.versions(reader.get(JourneyProjection.insightId(insightId)), moment).forEach(version -> positions.add(pos(version)));
        }
        laterVersions.forEach(version -> positions.add(pos(version)));
        reviewed.forEach(review -> positions.add(pos(review)));
        steps.forEach(step -> positions.add(pos(step)));
        Map<Long, Seal> seals = sealsAt.apply(positions);
        Function<Document, ChainLink> link = value -> link(pos(value), seals);

        List<DecisionAudit.InsightTrail> insights = new ArrayList<>();
        for (String insightId : insightIds) {
            Document insight = reader.get(JourneyProjection.insightId(insightId));
            VersionHistories.InsightReading then = VersionHistories.insight(insightId, insight, VersionHistories.before(position));
            VersionHistories.InsightReading now = VersionHistories.insight(insightId, insight, moment);
            List<DecisionAudit.Change> changes = VersionHistories.versions(insight, moment.and(VersionHistories.before(position).negate())).stream()
                    .map(version -> new DecisionAudit.Change(version.getString("kind"), DocumentFields.instant(version, "at"),
                            version.getString("text"), version.getString("reason"), link.apply(version)))
                    .toList();
            List<DecisionAudit.InsightEvent> events = VersionHistories.versions(insight, moment).stream()
                    .map(version -> new DecisionAudit.InsightEvent(version.getString("kind"), DocumentFields.instant(version, "at"),
                            pos(version) < position, link.apply(version)))
                    .toList();
            insights.add(new DecisionAudit.InsightTrail(insightId, then, now, !changes.isEmpty(), changes, events));
        }

        List<DecisionAudit.LaterVersion> later = laterVersions.stream()
                .map(version -> new DecisionAudit.LaterVersion(version.getString("kind"), version.getString("decisionId"),
                        DocumentFields.instant(version, "at"), version.getString("text"), version.getString("why"), link.apply(version)))
                .toList();
        List<DecisionAudit.Review> reviews = reviewed.stream()
                .map(review -> new DecisionAudit.Review(review.getString("outcome"), review.getString("notes"),
                        day(review.getString("reviewedOn")), DocumentFields.instant(review, "at"), List.copyOf(DocumentFields.strings(review, "insightIds")),
                        link.apply(review)))
                .toList();
        List<DecisionAudit.Travel> travelled = steps.stream()
                .map(step -> new DecisionAudit.Travel(step.getString("kind"), step.getString("sharedLearningId"),
                        step.getString("placeId"), step.getString("practiceId"), step.getString("adaptationId"),
                        step.getString("title"), DocumentFields.instant(step, "at"), link.apply(step)))
                .toList();
        return new DecisionAudit(decisionId, decision.getString("kind"), decision.getString("practiceId"),
                decision.getString("placeId"), decision.getString("programmeId"), DocumentFields.instant(decision, "at"),
                day(decision.getString("occurredOn")), decision.getString("was"), decision.getString("becomes"),
                decision.getString("why"), List.copyOf(DocumentFields.strings(decision, "decidedBy")), decision.getString("forum"),
                List.copyOf(DocumentFields.strings(decision, "sharedLearningIds")), asOf, insights, later, reviews, travelled,
                link(position, seals));
    }

    private static long pos(Document value) {
        return value.get("pos", Number.class).longValue();
    }

    private static ChainLink link(long position, Map<Long, Seal> seals) {
        Seal seal = seals.get(position);
        return seal == null ? ChainLink.unsealed(position)
                : new ChainLink(position, true, seal.count(), seal.hash(), seal.prev());
    }

    private static LocalDate day(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
