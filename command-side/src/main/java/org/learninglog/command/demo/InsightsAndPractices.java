package org.learninglog.command.demo;

import org.learninglog.command.insight.RecordInsightCommand;
import org.learninglog.command.insight.RetractInsightCommand;
import org.learninglog.command.insight.ReviseInsightCommand;
import org.learninglog.command.practice.AdaptPracticeCommand;
import org.learninglog.command.practice.AdoptPracticeCommand;
import org.learninglog.command.practice.RetirePracticeCommand;
import org.learninglog.command.practice.ReviewAdaptationOutcomeCommand;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.practice.AdaptationOutcomeReviewed.Outcome;
import org.learninglog.events.sharing.LearningShared.AdaptationRef;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import static org.learninglog.command.demo.DemoSoFar.id;

/**
 * What a place does in the demo: records, revises and retracts insights; adopts, adapts and
 * retires practices and reviews what its adaptations came to. The order of the random choices in
 * each method is part of the demo: changing it changes every choice after it.
 */
final class InsightsAndPractices {

    private final DemoContent content;
    private final DemoPhrases phrases;
    private final DemoSoFar soFar;
    private final DemoDice dice;
    private final DemoSender sender;

    InsightsAndPractices(DemoContent content, DemoSoFar soFar, DemoDice dice, DemoSender sender) {
        this.content = content;
        this.phrases = content.phrases();
        this.soFar = soFar;
        this.dice = dice;
        this.sender = sender;
    }

    void recordInsight(String placeId, LocalDate happenedOn) {
        String insightId = id("insight", placeId + " " + (++soFar.sequence));
        boolean unintended = dice.oneIn(content.chances().unintendedInsight());
        String text = unintended ? dice.pick(phrases.unintended())
                : dice.pick(phrases.who()) + " " + dice.pick(phrases.noticed()) + " (" + monthName(happenedOn) + ")";
        RecordInsightCommand.Evidence evidence = dice.oneIn(content.chances().quotedEvidence())
                ? new RecordInsightCommand.Evidence(dice.pick(soFar.quotableMembersOf.get(placeId)), phrases.quote(), true)
                : null;
        sender.send(new RecordInsightCommand(insightId, placeId, text, unintended, dice.pick(Layer.values()),
                dice.pick(Sphere.values()), List.of(dice.pick(soFar.framework.principles())),
                List.of(dice.pick(soFar.framework.themes())), dice.pick(soFar.framework.sources()), evidence, happenedOn,
                member(placeId)));
        soFar.insightsOf.get(placeId).add(insightId);
        soFar.versions.put(insightId, 0L);
    }

    /** Revises the place's oldest insight that stands, tagging it with the framework's last principle. */
    void reviseInsight(String placeId, LocalDate happenedOn) {
        String insightId = soFar.standing(placeId, 0);
        List<String> principles = soFar.framework.principles();
        long version = sender.send(new ReviseInsightCommand(insightId, soFar.versions.get(insightId),
                Optional.of(dice.pick(phrases.who()) + " " + dice.pick(phrases.noticed()) + phrases.revisedNoticing()),
                Optional.of(Layer.PLACE_NETWORK), Optional.of(Sphere.PARTNERSHIP),
                Optional.of(List.of(principles.get(principles.size() - 1))),
                Optional.of(List.of(dice.pick(soFar.framework.themes()))), Optional.of(dice.pick(soFar.framework.sources())),
                phrases.revisionReason(), happenedOn, member(placeId)));
        soFar.versions.put(insightId, version);
    }

    /** Retracts the place's second oldest insight that stands. */
    void retractInsight(String placeId, LocalDate happenedOn) {
        String insightId = soFar.standing(placeId, 1);
        sender.send(new RetractInsightCommand(insightId, soFar.versions.get(insightId), phrases.retractionReason(),
                happenedOn, member(placeId)));
        soFar.retracted.add(insightId);
    }

    /** Adopts the place's next practice: each place starts at its own name in the list, and takes every other one. */
    void adoptPractice(String placeId, LocalDate happenedOn) {
        List<String> practices = soFar.practicesOf.get(placeId);
        List<String> names = phrases.practiceNames();
        String name = names.get((soFar.places.indexOf(placeId) + practices.size() * 2) % names.size());
        String practiceId = id("practice", placeId + " " + name);
        sender.send(new AdoptPracticeCommand(practiceId, placeId, name, dice.pick(phrases.becomes()),
                phrases.adoptionRationale(), soFar.recentInsights(placeId, 2), List.of(),
                soFar.membersOf.get(placeId).subList(0, 2), dice.pick(phrases.forums()), happenedOn, member(placeId)));
        practices.add(practiceId);
        soFar.versions.put(practiceId, 0L);
        soFar.adaptationsOf.put(practiceId, new ArrayList<>());
    }

    /** Adapts one of the place's practices in use, perhaps drawing on shared learning. */
    AdaptationRef adaptPractice(String placeId, LocalDate happenedOn, List<String> sharedLearningIds) {
        String practiceId = dice.pick(soFar.practicesInUse(placeId));
        String adaptationId = id("adaptation", practiceId + " " + (++soFar.sequence));
        List<String> becomes = phrases.becomes();
        String becoming = becomes.get((soFar.adaptationsOf.get(practiceId).size() + soFar.sequence) % becomes.size())
                + " (from " + monthName(happenedOn) + ")";
        long version = sender.send(new AdaptPracticeCommand(practiceId, soFar.versions.get(practiceId), adaptationId,
                becoming, phrases.adaptationReason(), soFar.recentInsights(placeId, 2), sharedLearningIds,
                List.of(member(placeId)), dice.pick(phrases.forums()), happenedOn, member(placeId)));
        soFar.versions.put(practiceId, version);
        soFar.adaptationsOf.get(practiceId).add(adaptationId);
        soFar.unreviewed.add(new DemoSoFar.Unreviewed(placeId, practiceId, adaptationId));
        return new AdaptationRef(practiceId, adaptationId);
    }

    /** Reviews the outcomes of the adaptations waiting longest, at most so many. */
    void reviewOutcomes(LocalDate happenedOn, int atMost) {
        List<DemoSoFar.Unreviewed> due = new ArrayList<>(
                soFar.unreviewed.subList(0, Math.min(atMost, soFar.unreviewed.size())));
        for (DemoSoFar.Unreviewed adaptation : due) {
            String practiceId = adaptation.practiceId();
            Outcome outcome = dice.pick(Outcome.values());
            long version = sender.send(new ReviewAdaptationOutcomeCommand(practiceId, soFar.versions.get(practiceId),
                    adaptation.adaptationId(), outcome, dice.pick(phrases.reviewNotes()),
                    soFar.recentInsights(adaptation.placeId(), 1), happenedOn, member(adaptation.placeId())));
            soFar.versions.put(practiceId, version);
            soFar.unreviewed.remove(adaptation);
        }
    }

    /** Retires the place's first practice. */
    void retirePractice(String placeId, LocalDate happenedOn) {
        String practiceId = soFar.practicesOf.get(placeId).get(0);
        long version = sender.send(new RetirePracticeCommand(practiceId, soFar.versions.get(practiceId),
                phrases.retirementReason(), soFar.recentInsights(placeId, 1), happenedOn, member(placeId)));
        soFar.versions.put(practiceId, version);
        soFar.retired.add(practiceId);
    }

    /** One of the place's members, at random. */
    private String member(String placeId) {
        return dice.pick(soFar.membersOf.get(placeId));
    }

    static String monthName(LocalDate day) {
        return day.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + day.getYear();
    }
}
