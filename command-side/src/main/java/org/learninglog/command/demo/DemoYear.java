package org.learninglog.command.demo;

import org.learninglog.command.funder.RegisterFunderCommand;
import org.learninglog.command.person.RegisterPersonCommand;
import org.learninglog.command.place.RegisterPlaceCommand;
import org.learninglog.command.programme.RegisterProgrammeCommand;
import org.learninglog.events.person.PersonRegistered.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.learninglog.command.demo.DemoSoFar.id;

/**
 * Plays the demo's content through a sender: the programme and its people, places and funders
 * first, then each month of the calendar in order.
 */
final class DemoYear {

    private final DemoContent content;
    private final DemoSender sender;
    private final DemoSoFar soFar = new DemoSoFar();
    private final InsightsAndPractices places;
    private final SharingAndSensemaking together;
    private final DemoDice dice;

    DemoYear(DemoContent content, DemoSender sender) {
        this.content = content;
        this.sender = sender;
        this.dice = new DemoDice(content.programme().seed());
        this.places = new InsightsAndPractices(content, soFar, dice, sender);
        this.together = new SharingAndSensemaking(content, soFar, dice, sender, places);
    }

    void play() {
        setUp();
        List<DemoContent.Month> calendar = content.calendar();
        for (int month = 0; month < calendar.size(); month++) {
            monthOfLearning(month, calendar.get(month));
        }
        new LearningClusters(content, soFar, sender).play();
        sender.finish();
    }

    private void setUp() {
        String programmeId = content.programme().id();
        soFar.administrator = personId(content.people().stream().filter(p -> p.role() == Role.ADMINISTRATOR)
                .findFirst().orElseThrow(() -> new IllegalStateException("The demo has no administrator")));
        sender.send(new RegisterProgrammeCommand(programmeId, content.programme().name(), null,
                content.programme().backfillFrom(), soFar.administrator));
        for (DemoContent.Person person : content.people()) {
            String personId = personId(person);
            sender.send(new RegisterPersonCommand(personId, programmeId, null, person.role(), person.name(), null,
                    person.mayBeQuoted(), soFar.administrator));
            if (person.role() == Role.LEARNING_PARTNER) {
                soFar.learningPartners.add(personId);
            } else if (person.role() == Role.FUNDER && soFar.fundersVoice == null) {
                soFar.fundersVoice = personId;
            }
        }
        for (DemoContent.Place place : content.places()) {
            String placeId = id("place", place.name());
            sender.send(new RegisterPlaceCommand(placeId, programmeId, place.name(), soFar.administrator));
            soFar.places.add(placeId);
            soFar.placeIdByName.put(place.name(), placeId);
            registerMembers(placeId, place);
        }
        for (String name : content.funders()) {
            String funderId = id("funder", name);
            sender.send(new RegisterFunderCommand(funderId, programmeId, name, soFar.administrator));
            soFar.funders.add(funderId);
        }
    }

    /** Each member as "name of place", reachable at name@example.org. */
    private void registerMembers(String placeId, DemoContent.Place place) {
        List<String> members = new ArrayList<>();
        List<String> quotable = new ArrayList<>();
        for (DemoContent.Member member : place.members()) {
            String personId = id("person", member.name() + " " + place.name());
            sender.send(new RegisterPersonCommand(personId, content.programme().id(), placeId, Role.PLACE_MEMBER,
                    member.name() + " of " + place.name(), member.name().toLowerCase(Locale.ROOT) + "@example.org",
                    member.mayBeQuoted(), soFar.administrator));
            members.add(personId);
            if (member.mayBeQuoted()) {
                quotable.add(personId);
            }
        }
        soFar.membersOf.put(placeId, members);
        soFar.quotableMembersOf.put(placeId, quotable);
        soFar.insightsOf.put(placeId, new ArrayList<>());
        soFar.practicesOf.put(placeId, new ArrayList<>());
    }

    private void monthOfLearning(int month, DemoContent.Month plan) {
        for (DemoContent.Place place : content.places()) {
            for (DemoContent.Activity activity : plan.atEachPlace()) {
                atPlace(activity, soFar.placeId(place.name()), place.name(), plan.starts());
            }
        }
        for (DemoContent.Activity activity : plan.then()) {
            acrossTheProgramme(activity, month, plan.starts());
        }
    }

    private void atPlace(DemoContent.Activity activity, String placeId, String placeName, LocalDate start) {
        if (activity instanceof DemoContent.RecordInsights insights) {
            for (DemoContent.DayRange days : insights.days()) {
                places.recordInsight(placeId, dice.dayWithin(start, days));
            }
        } else if (activity instanceof DemoContent.AdoptPractice adopt) {
            places.adoptPractice(placeId, start.plusDays(adopt.day()));
        } else if (activity instanceof DemoContent.AdaptPractice adapt) {
            if (adapt.happensAt(placeName)) {
                places.adaptPractice(placeId, start.plusDays(adapt.day()), List.of());
            }
        } else if (activity instanceof DemoContent.ReviseInsight revise) {
            places.reviseInsight(placeId, start.plusDays(revise.day()));
        } else if (activity instanceof DemoContent.RetirePractice retire) {
            places.retirePractice(placeId, start.plusDays(retire.day()));
        } else {
            throw new IllegalStateException("Not something a place does each month in the demo: " + activity);
        }
    }

    private void acrossTheProgramme(DemoContent.Activity activity, int month, LocalDate start) {
        if (activity instanceof DemoContent.ChangeFramework change) {
            together.changeFramework(change);
        } else if (activity instanceof DemoContent.ReviewOutcomes review) {
            places.reviewOutcomes(start.plusDays(review.day()), review.atMost() == null ? Integer.MAX_VALUE : review.atMost());
        } else if (activity instanceof DemoContent.RetractInsights retract) {
            soFar.places.forEach(placeId -> places.retractInsight(placeId, start.plusDays(retract.day())));
        } else if (activity instanceof DemoContent.ShareLearning sharing) {
            sharing.shares().forEach(share -> together.share(share, month, start.plusDays(sharing.day())));
        } else if (activity instanceof DemoContent.TakeUpSharedLearning takeUp) {
            together.takeUpSharedLearning(start.plusDays(takeUp.day()), start.plusDays(takeUp.responsesDay()));
        } else if (activity instanceof DemoContent.HoldSensemaking session) {
            together.holdSensemaking(start.plusDays(session.day()), month);
        } else {
            throw new IllegalStateException("Not something the whole demo programme does: " + activity);
        }
    }

    private static String personId(DemoContent.Person person) {
        return id("person", person.idName());
    }
}
