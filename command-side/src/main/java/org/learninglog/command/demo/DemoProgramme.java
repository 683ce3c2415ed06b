package org.learninglog.command.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.learninglog.command.funder.RegisterFunderCommand;
import org.learninglog.command.insight.RecordInsightCommand;
import org.learninglog.command.insight.RetractInsightCommand;
import org.learninglog.command.insight.ReviseInsightCommand;
import org.learninglog.command.lookup.LookupUpdater;
import org.learninglog.command.person.RegisterPersonCommand;
import org.learninglog.command.place.RegisterPlaceCommand;
import org.learninglog.command.practice.AdaptPracticeCommand;
import org.learninglog.command.practice.AdoptPracticeCommand;
import org.learninglog.command.practice.RetirePracticeCommand;
import org.learninglog.command.practice.ReviewAdaptationOutcomeCommand;
import org.learninglog.command.programme.ChangeLearningFrameworkCommand;
import org.learninglog.command.programme.DefaultFramework;
import org.learninglog.command.programme.RegisterProgrammeCommand;
import org.learninglog.command.sensemaking.HoldSensemakingCommand;
import org.learninglog.command.sharing.AdoptSharedLearningCommand;
import org.learninglog.command.sharing.RespondToSharedLearningCommand;
import org.learninglog.command.sharing.ShareLearningCommand;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.person.PersonRegistered.Role;
import org.learninglog.events.practice.AdaptationOutcomeReviewed.Outcome;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningRespondedTo;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A demo programme in our own words: six places, five funders, a learning partner, and about a
 * year of learning, sent as commands through the {@link CommandGateway} so that every rule of the
 * domain applies. Deterministic: a seeded {@link Random}, identifiers derived from names, and days
 * within one fixed year (the {@code happenedOn}/{@code occurredOn} fields; when it was recorded is
 * the real time of loading).
 */
@Component
public class DemoProgramme {

    public static final String PROGRAMME_ID = "demo-programme";
    /** The demo's year of learning starts here; its last day is well in the past. */
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 9, 2);
    private static final int MONTHS = 12;

    private static final List<String> PLACES = List.of("Riverside", "Hillcrest", "Eastmoor", "Saltbay",
            "Northfold", "Kettleby");
    private static final List<String> FUNDERS = List.of("Common Ground Trust", "Northern Lights Foundation",
            "City Community Fund", "Rural Futures Fund", "Tidewater Charitable Trust");
    private static final List<String> MEMBER_NAMES = List.of("Ada", "Bilal", "Carys", "Dev", "Elin", "Femi",
            "Gwen", "Hamza", "Iris", "Jonah", "Kemi", "Luca", "Mair", "Nadia", "Owen", "Priya", "Rhys", "Sana");

    private static final List<String> WHO = List.of("Residents", "Young people", "Partnership members",
            "Parents at the primary school", "Older neighbours", "Volunteers", "Shopkeepers on the high street",
            "Health visitors");
    private static final List<String> NOTICED = List.of(
            "came in greater numbers once the meeting moved from the civic centre to the community café",
            "spoke up more when the agenda was drawn together at the start rather than sent out beforehand",
            "trusted the partnership more after it reported back on what it had done with their ideas",
            "stayed involved when they were given a real budget to decide on, however small",
            "found the forms for small grants too long and gave up halfway",
            "told us that a walk around the estate showed them more than any presentation",
            "were wary of another consultation until they saw the previous one had changed something",
            "brought friends along when the sessions included food and childcare",
            "felt the partnership board was a closed circle that used words they did not recognise",
            "led the conversation when the stories were theirs to tell, with photos they had taken",
            "connected across the two ends of town for the first time at the shared allotment",
            "said they would rather meet in the evening, after work, than at lunchtime",
            "noticed that the council officers listened differently when they met on neutral ground",
            "asked for feedback on what happened next, not just thanks for taking part",
            "built on what they already did well once we mapped their strengths instead of their needs");
    private static final List<String> UNINTENDED = List.of(
            "An unexpected result: the litter-pick turned into the place where new volunteers first showed up",
            "Not what we aimed for: the youth forum became where parents learned what the partnership was",
            "A side effect nobody planned: the funder visit made the partnership write down its own story");
    private static final List<String> FORUMS = List.of("partnership board", "residents' assembly",
            "steering group", "action learning set", "community café meeting");
    private static final List<String> PRACTICE_NAMES = List.of("Where we meet", "How we decide on small grants",
            "Reporting back to residents", "Welcoming new members", "Telling our story", "Working with the council");
    private static final List<String> BECOMES = List.of(
            "Meetings rotate between the café, the school hall and the library, chosen by residents each quarter",
            "Small grants are decided by a residents' panel on a one-page form, with an answer within a fortnight",
            "Every meeting opens with what happened to the ideas from the last one",
            "New members are paired with a buddy for their first three meetings",
            "Residents gather photos and stories; the partnership's reports are built from them",
            "Council officers join our meetings on our ground and take the first actions away with them",
            "Sessions run in the evening with food and a crèche",
            "The agenda is set together in the first ten minutes of each meeting");
    private static final List<String> REVIEW_NOTES = List.of(
            "More residents came, and more of them came back",
            "Some meetings were lively, others thin; the evening slot suits parents but not older neighbours",
            "Too early to tell: only two meetings so far",
            "It did not take: the panel struggled to meet and decisions slipped",
            "People now ask what happened to their ideas before we tell them");
    private static final List<String> SHARED_TITLES = List.of("Meeting where people already are",
            "Small money, real decisions", "Closing the loop with residents", "Buddying new members",
            "Stories before statistics", "Neutral ground with the council");
    private static final List<String> RESPONSES = List.of(
            "We tried something like this last year; the crèche made the difference for us",
            "How did you keep the council officers coming after the first meeting?",
            "This matches what we heard in our own residents' assembly",
            "Strongly endorsed: we would like to visit and see it in practice");

    private final CommandGateway commands;
    private final EventStore events;
    private final AnnotationEventHandlerAdapter lookupUpdater;
    private final DemoCompletion completion;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public DemoProgramme(CommandGateway commands, EventStore events, LookupUpdater lookupUpdater, DemoCompletion completion) {
        this.commands = commands;
        this.events = events;
        this.lookupUpdater = new AnnotationEventHandlerAdapter(lookupUpdater);
        this.completion = completion;
    }

    /** Loaded to its end. */
    public boolean isComplete() {
        return completion.isComplete(PROGRAMME_ID);
    }

    /** Begun: its programme has events, whether or not the load got to its end. */
    public boolean isStarted() {
        return events.lastSequenceNumberFor(PROGRAMME_ID).isPresent();
    }

    /**
     * Loads the demo, or the rest of it after an interrupted load; returns how many events of
     * each type the whole demo holds. The load is deterministic (the same commands, ids and
     * values every time), so a resumed load sends only the commands whose events are not in the
     * store yet, and marks the demo complete after the last one.
     */
    public Map<String, Integer> load() {
        Map<String, Integer> tally = new Loading(isStarted()).run();
        completion.markComplete(PROGRAMME_ID, tally.values().stream().mapToInt(Integer::intValue).sum());
        return tally;
    }

    /** One run of loading: its random numbers, the ids it made, the tally of events. */
    private final class Loading {

        private final Random random = new Random(20240902L);
        private final Map<String, Integer> tally = new TreeMap<>();
        private final Map<String, List<String>> membersOf = new LinkedHashMap<>();
        private final Map<String, List<String>> insightsOf = new LinkedHashMap<>();
        private final Map<String, List<String>> practicesOf = new LinkedHashMap<>();
        private final Map<String, Long> versions = new LinkedHashMap<>();
        private final Map<String, List<String>> adaptationsOf = new LinkedHashMap<>();
        private final List<String> retracted = new ArrayList<>();
        private final List<String> retired = new ArrayList<>();
        private final List<String> learningPartners = new ArrayList<>();
        private final List<String> funders = new ArrayList<>();
        private final List<String> places = new ArrayList<>();
        private final List<String[]> unreviewed = new ArrayList<>();
        private final List<String[]> shared = new ArrayList<>();
        private LearningFramework framework = DefaultFramework.FRAMEWORK;
        private int sequence;
        /** The events this load has sent (or found sent) to each aggregate so far. */
        private final Map<String, Long> eventsSentTo = new HashMap<>();
        /** While true, each command is first looked for in the store: this load resumes one that was interrupted. */
        private boolean resuming;
        /** The last command found in the store while resuming: {aggregate id, its first and last sequence number}. */
        private Object[] lastFound;

        Loading(boolean resuming) {
            this.resuming = resuming;
        }

        Map<String, Integer> run() {
            String admin = id("person", "programme administrator");
            send("ProgrammeRegistered+LearningFrameworkDefined",
                    new RegisterProgrammeCommand(PROGRAMME_ID, "Places Learning Together (demo)", null, admin));
            count("LearningFrameworkDefined");
            registerPeopleAcrossTheProgramme(admin);
            for (String name : PLACES) {
                String placeId = id("place", name);
                send("PlaceRegistered", new RegisterPlaceCommand(placeId, PROGRAMME_ID, name, admin));
                places.add(placeId);
                registerMembers(placeId, name, admin);
            }
            for (String name : FUNDERS) {
                String funderId = id("funder", name);
                send("FunderRegistered", new RegisterFunderCommand(funderId, PROGRAMME_ID, name, admin));
                funders.add(funderId);
            }
            for (int month = 0; month < MONTHS; month++) {
                monthOfLearning(month, admin);
            }
            if (resuming) {
                repairLookupOfLastFound(); // everything was there; the lookup of the last command perhaps not
            }
            return tally;
        }

        private void registerPeopleAcrossTheProgramme(String admin) {
            send("PersonRegistered", new RegisterPersonCommand(admin, PROGRAMME_ID, null, Role.ADMINISTRATOR,
                    "Morgan (programme office)", null, false, admin));
            for (String name : List.of("Tal (learning partner)", "Quinn (learning partner)")) {
                String personId = id("person", name);
                send("PersonRegistered", new RegisterPersonCommand(personId, PROGRAMME_ID, null, Role.LEARNING_PARTNER,
                        name, null, true, admin));
                learningPartners.add(personId);
            }
            for (String name : List.of("Robin (funders' group)", "Sam (funders' group)")) {
                send("PersonRegistered", new RegisterPersonCommand(id("person", name), PROGRAMME_ID, null, Role.FUNDER,
                        name, null, false, admin));
            }
        }

        private void registerMembers(String placeId, String placeName, String admin) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String name = MEMBER_NAMES.get(places.size() * 3 - 3 + i);
                String personId = id("person", name + " " + placeName);
                send("PersonRegistered", new RegisterPersonCommand(personId, PROGRAMME_ID, placeId, Role.PLACE_MEMBER,
                        name + " of " + placeName, name.toLowerCase(Locale.ROOT) + "@example.org", i != 2, admin));
                members.add(personId);
            }
            membersOf.put(placeId, members);
            insightsOf.put(placeId, new ArrayList<>());
            practicesOf.put(placeId, new ArrayList<>());
        }

        private void monthOfLearning(int month, String admin) {
            LocalDate start = FIRST_DAY.plusMonths(month);
            for (String placeId : places) {
                for (int i = 0; i < 2; i++) {
                    recordInsight(placeId, start.plusDays(3 + 11 * i + random.nextInt(5)), month);
                }
                if (month == 1 || month == 2) {
                    adoptPractice(placeId, start.plusDays(20));
                }
                if (month >= 3 && month <= 10 && (month + places.indexOf(placeId)) % 2 == 0) {
                    adaptPractice(placeId, start.plusDays(22), List.of());
                }
                if (month == 6 || month == 9) {
                    reviseInsight(placeId);
                }
                if (month == 10) {
                    retirePractice(placeId, start.plusDays(25));
                }
            }
            if (month == 5) {
                changeFramework(admin);
            }
            if (month >= 4 && month <= 11) {
                reviewOutcomes(start.plusDays(26), month == 11 ? 100 : 4);
            }
            if (month == 8) {
                places.forEach(this::retractInsight);
            }
            if (month >= 4 && month % 2 == 0) {
                shareLearning(month);
            }
            if (month >= 5 && month % 2 == 1) {
                adoptAndRespond(start.plusDays(15));
            }
            if (month % 2 == 1) {
                holdSensemaking(start.plusDays(27), month);
            }
        }

        private void recordInsight(String placeId, LocalDate happenedOn, int month) {
            String insightId = id("insight", placeId + " " + (++sequence));
            List<String> members = membersOf.get(placeId);
            boolean unintended = random.nextInt(8) == 0;
            String text = unintended ? pick(UNINTENDED)
                    : pick(WHO) + " " + pick(NOTICED) + " (" + monthName(happenedOn) + ")";
            RecordInsightCommand.Evidence evidence = random.nextInt(4) == 0
                    ? new RecordInsightCommand.Evidence(members.get(random.nextInt(2)),
                    "It was the first time I felt someone wrote down what I said and came back to it", true)
                    : null;
            send("InsightRecorded", new RecordInsightCommand(insightId, placeId, text, unintended, pick(Layer.values()),
                    pick(Sphere.values()), List.of(pick(framework.principles())), List.of(pick(framework.themes())),
                    pick(framework.sources()), evidence, happenedOn, pick(members)));
            insightsOf.get(placeId).add(insightId);
            versions.put(insightId, 0L);
        }

        private void reviseInsight(String placeId) {
            String insightId = standing(placeId, 0);
            String principle = framework.principles().get(framework.principles().size() - 1);
            long version = send("InsightRevised", new ReviseInsightCommand(insightId, versions.get(insightId),
                    pick(WHO) + " " + pick(NOTICED) + ", as we understood after talking it through again",
                    Layer.PLACE_NETWORK, Sphere.PARTNERSHIP, List.of(principle), List.of(pick(framework.themes())),
                    pick(framework.sources()), "Reworded after the partnership discussed it", pick(membersOf.get(placeId))));
            versions.put(insightId, version);
        }

        private void retractInsight(String placeId) {
            String insightId = standing(placeId, 1);
            send("InsightRetracted", new RetractInsightCommand(insightId, versions.get(insightId),
                    "Recorded twice by mistake; the other record stands", pick(membersOf.get(placeId))));
            retracted.add(insightId);
        }

        private void adoptPractice(String placeId, LocalDate occurredOn) {
            List<String> practices = practicesOf.get(placeId);
            String name = PRACTICE_NAMES.get((places.indexOf(placeId) + practices.size() * 2) % PRACTICE_NAMES.size());
            String practiceId = id("practice", placeId + " " + name);
            send("PracticeAdopted", new AdoptPracticeCommand(practiceId, placeId, name, pick(BECOMES),
                    "What residents told us in the first months", recentInsights(placeId, 2), List.of(),
                    membersOf.get(placeId).subList(0, 2), pick(FORUMS), occurredOn, pick(membersOf.get(placeId))));
            practices.add(practiceId);
            versions.put(practiceId, 0L);
            adaptationsOf.put(practiceId, new ArrayList<>());
        }

        /** Adapts one of the place's practices in use; returns {practiceId, adaptationId}. */
        private String[] adaptPractice(String placeId, LocalDate occurredOn, List<String> sharedLearningIds) {
            List<String> inUse = practicesOf.get(placeId).stream().filter(p -> !retired.contains(p)).toList();
            String practiceId = pick(inUse);
            String adaptationId = id("adaptation", practiceId + " " + (++sequence));
            String becomes = BECOMES.get((adaptationsOf.get(practiceId).size() + sequence) % BECOMES.size())
                    + " (from " + monthName(occurredOn) + ")";
            long version = send("PracticeAdapted", new AdaptPracticeCommand(practiceId, versions.get(practiceId),
                    adaptationId, becomes, "The insights showed the old way kept people out",
                    recentInsights(placeId, 2), sharedLearningIds, List.of(pick(membersOf.get(placeId))), pick(FORUMS),
                    occurredOn, pick(membersOf.get(placeId))));
            versions.put(practiceId, version);
            adaptationsOf.get(practiceId).add(adaptationId);
            unreviewed.add(new String[] {placeId, practiceId, adaptationId});
            return new String[] {practiceId, adaptationId};
        }

        private void reviewOutcomes(LocalDate reviewedOn, int atMost) {
            List<String[]> due = new ArrayList<>(unreviewed.subList(0, Math.min(atMost, unreviewed.size())));
            for (String[] adaptation : due) {
                String placeId = adaptation[0];
                String practiceId = adaptation[1];
                Outcome outcome = pick(Outcome.values());
                long version = send("AdaptationOutcomeReviewed", new ReviewAdaptationOutcomeCommand(practiceId,
                        versions.get(practiceId), adaptation[2], outcome, pick(REVIEW_NOTES),
                        recentInsights(placeId, 1), reviewedOn, pick(membersOf.get(placeId))));
                versions.put(practiceId, version);
                unreviewed.remove(adaptation);
            }
        }

        private void retirePractice(String placeId, LocalDate occurredOn) {
            String practiceId = practicesOf.get(placeId).get(0);
            long version = send("PracticeRetired", new RetirePracticeCommand(practiceId, versions.get(practiceId),
                    "Overtaken by how the partnership now works; nobody missed it", recentInsights(placeId, 1),
                    occurredOn, pick(membersOf.get(placeId))));
            versions.put(practiceId, version);
            retired.add(practiceId);
        }

        private void changeFramework(String admin) {
            List<String> themes = new ArrayList<>(framework.themes());
            themes.add("funding practice");
            LearningFramework changed = new LearningFramework(framework.principles(), themes, framework.sources());
            send("LearningFrameworkChanged", new ChangeLearningFrameworkCommand(PROGRAMME_ID, null, changed,
                    "Funders asked to follow how their own practice changes", admin));
            framework = changed;
        }

        private void shareLearning(int month) {
            for (int i = 0; i < 3; i++) {
                String placeId = places.get((month + i * 2) % places.size());
                List<String> adaptations = practicesOf.get(placeId).stream()
                        .filter(p -> !adaptationsOf.get(p).isEmpty()).toList();
                List<LearningShared.AdaptationRef> refs = adaptations.isEmpty() ? List.of()
                        : List.of(new LearningShared.AdaptationRef(adaptations.get(0),
                        adaptationsOf.get(adaptations.get(0)).get(0)));
                String title = SHARED_TITLES.get((month + i) % SHARED_TITLES.size());
                String sharedId = id("shared", placeId + " " + title + " " + month);
                boolean fromPartner = i == 2 && month % 4 == 0;
                LearningShared.Audience audience = i == 0
                        ? new LearningShared.Audience(true, List.of(), List.of())
                        : new LearningShared.Audience(false, List.of(places.get((places.indexOf(placeId) + 1) % 6)),
                        List.of(pick(funders)));
                send("LearningShared", new ShareLearningCommand(sharedId, PROGRAMME_ID, fromPartner ? null : placeId,
                        title, "What we changed, why, and what came of it so far: " + pick(BECOMES).toLowerCase(Locale.ROOT),
                        audience, recentInsights(placeId, 2), refs,
                        fromPartner ? learningPartners.get(0) : pick(membersOf.get(placeId))));
                shared.add(new String[] {sharedId, fromPartner ? "" : placeId});
                versions.put(sharedId, 0L);
            }
        }

        /** Each month, two shared learnings travel to another place, and two get a response. */
        private void adoptAndRespond(LocalDate occurredOn) {
            for (int i = 0; i < 2 && !shared.isEmpty(); i++) {
                String[] learning = shared.remove(0);
                String adopter = places.get((places.indexOf(learning[1].isEmpty() ? places.get(0) : learning[1]) + 2)
                        % places.size());
                String[] adaptation = adaptPractice(adopter, occurredOn, List.of(learning[0]));
                send("SharedLearningAdopted", new AdoptSharedLearningCommand(learning[0], null, adopter,
                        adaptation[0], adaptation[1], "We took the idea and made it fit our own partnership",
                        pick(membersOf.get(adopter))));
                respond(learning[0], adopter);
            }
            int waiting = shared.size();
            for (int i = 0; i < Math.min(2, waiting); i++) {
                respond(shared.get(waiting - 1 - i)[0], pick(places));
            }
        }

        private void respond(String sharedId, String placeId) {
            boolean funder = random.nextInt(3) == 0;
            send("SharedLearningRespondedTo", new RespondToSharedLearningCommand(sharedId, null,
                    funder ? null : placeId, pick(SharedLearningRespondedTo.Kind.values()), pick(RESPONSES),
                    funder ? id("person", "Robin (funders' group)") : pick(membersOf.get(placeId))));
        }

        private void holdSensemaking(LocalDate heldOn, int month) {
            List<String> insights = new ArrayList<>();
            List<String> participants = new ArrayList<>(learningPartners);
            for (String placeId : places) {
                insights.add(standing(placeId, 0));
                participants.add(membersOf.get(placeId).get(month % 3));
            }
            send("SensemakingHeld", new HoldSensemakingCommand(id("session", "sensemaking " + month), PROGRAMME_ID,
                    "Sensemaking across the places, " + monthName(heldOn), participants, places, insights,
                    "Where people meet and who sets the agenda matter more than how often we meet; "
                            + "funders' reporting asks shape what places notice",
                    heldOn, learningPartners.get(month % 2)));
        }

        /** The place's newest insights that still stand. */
        private List<String> recentInsights(String placeId, int how) {
            List<String> standing = insightsOf.get(placeId).stream().filter(i -> !retracted.contains(i)).toList();
            return standing.subList(Math.max(0, standing.size() - how), standing.size());
        }

        /** An insight of the place that still stands, counted from its oldest. */
        private String standing(String placeId, int index) {
            return insightsOf.get(placeId).stream().filter(i -> !retracted.contains(i)).toList().get(index);
        }

        private long send(String eventType, Object command) {
            String aggregateId = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
            int eventCount = eventType.split("\\+").length;
            long lastSequence = eventsSentTo.merge(aggregateId, (long) eventCount, Long::sum) - 1;
            count(eventType.split("\\+")[0]);
            if (resuming) {
                if (events.lastSequenceNumberFor(aggregateId).orElse(-1L) >= lastSequence) {
                    lastFound = new Object[] {aggregateId, lastSequence - eventCount + 1, lastSequence};
                    return lastSequence; // an update's answer is the aggregate's version: its last sequence number
                }
                // The first command not in the store: the interruption came after the one before.
                resuming = false;
                repairLookupOfLastFound();
            }
            Object result = commands.sendAndWait(command);
            return result instanceof Long version ? version : 0L;
        }

        /**
         * The lookup is written right after a command's events are stored, in the same thread; an
         * interruption in between leaves events the lookup does not know, and the next commands
         * would find their references unknown. Its handlers are idempotent, so they are given that
         * command's events again.
         */
        private void repairLookupOfLastFound() {
            if (lastFound == null) {
                return;
            }
            events.readEvents((String) lastFound[0], (Long) lastFound[1]).asStream()
                    .filter(event -> event.getSequenceNumber() <= (Long) lastFound[2])
                    .forEach(event -> {
                        try {
                            lookupUpdater.handle(event);
                        } catch (Exception e) {
                            throw new IllegalStateException("The lookup could not be repaired from " + event.getPayloadType(), e);
                        }
                    });
        }

        private void count(String eventType) {
            tally.merge(eventType, 1, Integer::sum);
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private <T> T pick(T[] from) {
            return from[random.nextInt(from.length)];
        }
    }

    private static String monthName(LocalDate day) {
        return day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + " " + day.getYear();
    }

    /**
     * An identifier derived from a name, the same on every load, but opaque: a name (of a person
     * above all) may never show in an identifier.
     */
    static String id(String kind, String name) {
        return kind + "-" + UUID.nameUUIDFromBytes((kind + "/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
