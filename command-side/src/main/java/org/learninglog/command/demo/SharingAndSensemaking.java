package org.learninglog.command.demo;

import org.learninglog.command.programme.ChangeLearningFrameworkCommand;
import org.learninglog.command.sensemaking.HoldSensemakingCommand;
import org.learninglog.command.sharing.AdoptSharedLearningCommand;
import org.learninglog.command.sharing.RespondToSharedLearningCommand;
import org.learninglog.command.sharing.ShareLearningCommand;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.LearningShared.AdaptationRef;
import org.learninglog.events.sharing.SharedLearningRespondedTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.learninglog.command.demo.DemoSoFar.id;
import static org.learninglog.command.demo.InsightsAndPractices.monthName;

/**
 * What the places do together in the demo: share learning, take up one another's, respond to it
 * and make sense of it with the learning partners; and the programme changes its framework. The
 * order of the random choices in each method is part of the demo.
 */
final class SharingAndSensemaking {

    /** How many shared learnings are taken up in a month, and how many of those still waiting get a response. */
    private static final int TAKEN_UP_A_MONTH = 2;
    /** A shared learning is taken up by the place this many places on from the one it came from. */
    private static final int TAKEN_UP_PLACES_ON = 2;

    private final DemoContent content;
    private final DemoPhrases phrases;
    private final DemoSoFar soFar;
    private final DemoDice dice;
    private final DemoSender sender;
    private final InsightsAndPractices places;

    SharingAndSensemaking(DemoContent content, DemoSoFar soFar, DemoDice dice, DemoSender sender,
                          InsightsAndPractices places) {
        this.content = content;
        this.phrases = content.phrases();
        this.soFar = soFar;
        this.dice = dice;
        this.sender = sender;
        this.places = places;
    }

    void changeFramework(DemoContent.ChangeFramework change) {
        LearningFramework framework = soFar.framework;
        List<String> themes = new ArrayList<>(framework.themes());
        themes.add(change.addTheme());
        LearningFramework changed = new LearningFramework(framework.principles(), themes, framework.sources());
        sender.send(ChangeLearningFrameworkCommand.replacing(content.programme().id(), null, changed, change.reason(),
                soFar.administrator));
        soFar.framework = changed;
    }

    /** Shares what a place learned, citing its newest insights and its first adaptation, if any. */
    void share(DemoContent.Share share, int month, LocalDate happenedOn) {
        String placeId = soFar.placeId(share.place());
        List<String> adapted = soFar.practicesOf.get(placeId).stream()
                .filter(p -> !soFar.adaptationsOf.get(p).isEmpty()).toList();
        List<AdaptationRef> refs = adapted.isEmpty() ? List.of()
                : List.of(new AdaptationRef(adapted.get(0), soFar.adaptationsOf.get(adapted.get(0)).get(0)));
        String sharedId = id("shared", placeId + " " + share.title() + " " + month);
        boolean byPartner = share.byLearningPartner();
        LearningShared.Audience audience = share.toPlace() == null
                ? new LearningShared.Audience(true, List.of(), List.of())
                : new LearningShared.Audience(false, List.of(soFar.placeId(share.toPlace())),
                List.of(dice.pick(soFar.funders)));
        sender.send(new ShareLearningCommand(sharedId, content.programme().id(), byPartner ? null : placeId,
                share.title(), phrases.sharedSummary() + dice.pick(phrases.becomes()).toLowerCase(Locale.ROOT),
                audience, soFar.recentInsights(placeId, 2), refs, happenedOn,
                byPartner ? soFar.learningPartners.get(0) : dice.pick(soFar.membersOf.get(placeId))));
        soFar.shared.add(new DemoSoFar.Shared(sharedId, byPartner ? null : placeId));
        soFar.versions.put(sharedId, 0L);
    }

    /**
     * The shared learnings waiting longest travel to another place, which adapts a practice by
     * them and responds; the newest still waiting get a response from any place.
     */
    void takeUpSharedLearning(LocalDate happenedOn, LocalDate respondedOn) {
        for (int i = 0; i < TAKEN_UP_A_MONTH && !soFar.shared.isEmpty(); i++) {
            DemoSoFar.Shared learning = soFar.shared.remove(0);
            String from = learning.placeId() == null ? soFar.places.get(0) : learning.placeId();
            String adopter = soFar.places.get((soFar.places.indexOf(from) + TAKEN_UP_PLACES_ON) % soFar.places.size());
            AdaptationRef adaptation = places.adaptPractice(adopter, happenedOn, List.of(learning.sharedId()));
            sender.send(new AdoptSharedLearningCommand(learning.sharedId(), null, adopter, adaptation.practiceId(),
                    adaptation.adaptationId(), phrases.takeUpNote(), happenedOn, dice.pick(soFar.membersOf.get(adopter))));
            respond(learning.sharedId(), adopter, respondedOn);
        }
        int waiting = soFar.shared.size();
        for (int i = 0; i < Math.min(TAKEN_UP_A_MONTH, waiting); i++) {
            respond(soFar.shared.get(waiting - 1 - i).sharedId(), dice.pick(soFar.places), respondedOn);
        }
    }

    /** A response from the place, or now and then from the funders. */
    private void respond(String sharedId, String placeId, LocalDate happenedOn) {
        boolean funder = dice.oneIn(content.chances().funderResponds());
        sender.send(new RespondToSharedLearningCommand(sharedId, null, funder ? null : placeId,
                dice.pick(SharedLearningRespondedTo.Kind.values()), dice.pick(phrases.responses()), happenedOn,
                funder ? soFar.fundersVoice : dice.pick(soFar.membersOf.get(placeId))));
    }

    /** The learning partners and one member of each place, in turn by month, on each place's oldest insight that stands. */
    void holdSensemaking(LocalDate happenedOn, int month) {
        List<String> insights = new ArrayList<>();
        List<String> participants = new ArrayList<>(soFar.learningPartners);
        for (String placeId : soFar.places) {
            insights.add(soFar.standing(placeId, 0));
            List<String> members = soFar.membersOf.get(placeId);
            participants.add(members.get(month % members.size()));
        }
        List<String> partners = soFar.learningPartners;
        sender.send(new HoldSensemakingCommand(id("session", "sensemaking " + month), content.programme().id(),
                phrases.sensemakingTitle() + monthName(happenedOn), participants, List.copyOf(soFar.places), insights,
                phrases.sensemakingConclusion(), happenedOn, partners.get(month % partners.size())));
    }
}
