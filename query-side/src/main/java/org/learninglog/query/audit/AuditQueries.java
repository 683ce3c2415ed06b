package org.learninglog.query.audit;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.Folds;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.view.Bson;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.Views;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Decision audit trails from the journey view, by exact keys: the decision, its insights, its practice. */
@Component
public class AuditQueries {

    private final Views views;

    public AuditQueries(Views views) {
        this.views = views;
    }

    public DecisionAudit audit(String decisionId, Instant asOf) {
        return audit(views.reader(JourneyProjection.NAME), decisionId, asOf);
    }

    public static DecisionAudit audit(ViewReader reader, String decisionId, Instant asOf) {
        Document decision = reader.get(JourneyProjection.decisionId(decisionId));
        Predicate<Document> moment = Folds.upTo(asOf);
        if (decision == null || decision.get("pos") == null || !moment.test(decision)) {
            throw new NotFoundException("adaptationId", asOf == null ? "No decision with this id is known (yet)"
                    : "No decision with this id was recorded by " + asOf);
        }
        long position = decision.get("pos", Number.class).longValue();
        List<String> insightIds = Bson.strings(decision, "insightIds");
        reader.getAll(insightIds.stream().map(JourneyProjection::insightId).toList());

        List<DecisionAudit.InsightTrail> insights = new ArrayList<>();
        for (String insightId : insightIds) {
            Document insight = reader.get(JourneyProjection.insightId(insightId));
            Folds.InsightReading then = Folds.insight(insightId, insight, Folds.before(position));
            Folds.InsightReading now = Folds.insight(insightId, insight, moment);
            List<DecisionAudit.Change> changes = Folds.versions(insight, moment.and(Folds.before(position).negate())).stream()
                    .map(version -> new DecisionAudit.Change(version.getString("kind"), Bson.instant(version, "at"),
                            version.getString("text"), version.getString("reason")))
                    .toList();
            insights.add(new DecisionAudit.InsightTrail(insightId, then, now, !changes.isEmpty(), changes));
        }

        Document practice = reader.get(JourneyProjection.practiceId(decision.getString("practiceId")));
        List<DecisionAudit.LaterVersion> later = Folds.versions(practice, moment.and(Folds.before(position + 1).negate())).stream()
                .map(version -> new DecisionAudit.LaterVersion(version.getString("kind"), version.getString("decisionId"),
                        Bson.instant(version, "at"), version.getString("text"), version.getString("why")))
                .toList();
        List<DecisionAudit.Review> reviews = Folds.stamped(decision, "reviews", moment).stream()
                .map(review -> new DecisionAudit.Review(review.getString("outcome"), review.getString("notes"),
                        day(review.getString("reviewedOn")), Bson.instant(review, "at"), List.copyOf(Bson.strings(review, "insightIds"))))
                .toList();
        List<DecisionAudit.Travel> travelled = Folds.stamped(decision, "travelled", moment).stream()
                .map(step -> new DecisionAudit.Travel(step.getString("kind"), step.getString("sharedLearningId"),
                        step.getString("placeId"), step.getString("practiceId"), step.getString("adaptationId"),
                        step.getString("title"), Bson.instant(step, "at")))
                .toList();
        return new DecisionAudit(decisionId, decision.getString("kind"), decision.getString("practiceId"),
                decision.getString("placeId"), decision.getString("programmeId"), Bson.instant(decision, "at"),
                day(decision.getString("occurredOn")), decision.getString("was"), decision.getString("becomes"),
                decision.getString("why"), List.copyOf(Bson.strings(decision, "decidedBy")), decision.getString("forum"),
                List.copyOf(Bson.strings(decision, "sharedLearningIds")), asOf, insights, later, reviews, travelled);
    }

    private static LocalDate day(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
