package org.learninglog.sample;

import org.axonframework.common.IdentifierFactory;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.programme.LearningFrameworkDefined;
import org.learninglog.events.programme.ProgrammeRegistered;
import org.learninglog.events.sensemaking.SensemakingHeld;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Histories to run the views on, for tests and benchmarks: a small hand-written demo
 * programme, and generated programmes of any size (the same seed gives the same history). Every
 * event comes with the aggregate it belongs to and the instant it is recorded at, so a history
 * can be appended to a store as the command side would have.
 */
public final class SampleHistory {

    /** One event as the command side would append it. */
    public record Event(String aggregateType, String aggregateId, Object payload, Instant recordedAt) {
    }

    public static final List<String> PRINCIPLES = List.of("building on strengths", "able to influence", "connected and heard",
            "equitable opportunity", "a new style of collaboration", "creative practice and storytelling");
    public static final List<String> THEMES = List.of("goals, paradigms and perspectives", "system structures, actors and networks",
            "power, participation and relationships", "the learning journey", "roles and functions");
    public static final List<String> SOURCES = List.of("learning cluster", "action learning set", "peer buddying", "coaching",
            "workshop", "residential", "sensemaking session", "evaluation fieldwork", "pilot");
    private static final String[] NOTICED = {"residents came when the meeting moved to the school gate",
            "the youth group chaired the forum for the first time", "the buddying pairs kept meeting after the funding ended",
            "decisions moved from the board to the community forum", "the storytelling night drew people who never come to meetings",
            "the small grants panel of residents funded braver ideas", "officers listened more when residents presented the evidence",
            "the pilot showed that drop-in hours suit carers better", "the partnership stopped chasing numbers and asked about change"};
    private static final String[] PRACTICES = {"monthly partnership meeting", "small grants panel", "community forum",
            "evaluation interviews", "welcome visits", "peer buddying scheme"};

    private final List<Event> events = new ArrayList<>();

    private SampleHistory() {
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events as Axon domain event messages, numbered per aggregate, stamped with their instants. */
    public List<DomainEventMessage<?>> messages() {
        Map<String, Long> sequences = new HashMap<>();
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        for (Event event : events) {
            long sequence = sequences.merge(event.aggregateType() + "/" + event.aggregateId(), 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), sequence, event.payload(),
                    MetaData.emptyInstance(), IdentifierFactory.getInstance().generateIdentifier(), event.recordedAt()));
        }
        return messages;
    }

    /**
     * The demo programme: three places, a handful of insights, a practice adapted twice, reviewed,
     * shared and taken up by another place, and a sensemaking session; recorded over a year.
     */
    public static SampleHistory demo(String programmeId) {
        SampleHistory h = new SampleHistory();
        Instant t = Instant.parse("2025-01-06T10:00:00Z");
        h.add("Programme", programmeId, new ProgrammeRegistered(programmeId, "Learning Places", "admin-1", t), t);
        h.add("Programme", programmeId, new LearningFrameworkDefined(programmeId, new LearningFramework(PRINCIPLES, THEMES, SOURCES), "admin-1", t), t);
        String riverside = programmeId + "-riverside";
        String hillside = programmeId + "-hillside";
        String seaside = programmeId + "-seaside";
        h.add("Place", riverside, new PlaceRegistered(riverside, programmeId, "Riverside", t, "admin-1"), t);
        h.add("Place", hillside, new PlaceRegistered(hillside, programmeId, "Hillside", t, "admin-1"), t);
        h.add("Place", seaside, new PlaceRegistered(seaside, programmeId, "Seaside", t, "admin-1"), t);

        Instant feb = Instant.parse("2025-02-10T18:00:00Z");
        h.add("Insight", "i-gate", new InsightRecorded("i-gate", riverside, programmeId, "Residents came when the meeting moved to the school gate at 3pm",
                false, Layer.PLACE_NETWORK, Sphere.PARTNERSHIP, List.of("connected and heard"), List.of("power, participation and relationships"),
                "action learning set", PersonalData.quote("person-7", "I could come with the children"), LocalDate.parse("2025-02-03"), feb, "member-1"), feb);
        Instant feb2 = feb.plus(Duration.ofDays(2));
        h.add("Insight", "i-youth", new InsightRecorded("i-youth", riverside, programmeId, "The youth group wants to chair part of the meeting",
                false, Layer.INDIVIDUALS, Sphere.INDIVIDUAL, List.of("able to influence"), List.of("roles and functions"),
                "workshop", null, LocalDate.parse("2025-02-12"), feb2, "member-2"), feb2);
        Instant mar = Instant.parse("2025-03-01T09:00:00Z");
        h.add("Practice", "p-meeting", new PracticeAdopted("p-meeting", riverside, programmeId, "monthly partnership meeting",
                "The partnership meets monthly in the library at 6pm", "to have one place where decisions are made",
                List.of(), List.of(), List.of("member-1", "member-3"), "partnership board", LocalDate.parse("2024-11-01"), mar, "member-1"), mar);
        Instant mar2 = mar.plus(Duration.ofDays(10));
        h.add("Practice", "p-meeting", new PracticeAdapted("p-meeting", "a-gate", riverside, programmeId,
                "The partnership meets monthly in the library at 6pm", "The partnership meets monthly at the school gate at 3pm",
                "more residents can come straight after school", List.of("i-gate"), List.of(), List.of("member-1", "member-3"),
                "partnership board", LocalDate.parse("2025-03-08"), mar2, "member-1"), mar2);
        Instant apr = Instant.parse("2025-04-02T12:00:00Z");
        h.add("Insight", "i-gate", new InsightRevised("i-gate", riverside, programmeId,
                "Parents came when the meeting moved to the school gate at 3pm; older residents did not",
                Layer.PLACE_NETWORK, Sphere.COMMUNITY, List.of("connected and heard", "equitable opportunity"),
                List.of("power, participation and relationships"), "action learning set", "the April count showed who came", LocalDate.parse("2025-03-31"), apr, "member-1"), apr);
        Instant may = Instant.parse("2025-05-15T12:00:00Z");
        h.add("Practice", "p-meeting", new AdaptationOutcomeReviewed("p-meeting", "a-gate", riverside, programmeId,
                AdaptationOutcomeReviewed.Outcome.MIXED, "twice as many parents, fewer older residents", List.of("i-gate"),
                LocalDate.parse("2025-05-10"), may, "member-3"), may);
        Instant jun = Instant.parse("2025-06-03T12:00:00Z");
        h.add("Practice", "p-meeting", new PracticeAdapted("p-meeting", "a-youth", riverside, programmeId,
                "The partnership meets monthly at the school gate at 3pm",
                "The partnership meets monthly at the school gate at 3pm and the youth group chairs the first half hour",
                "young people asked to lead", List.of("i-youth"), List.of(), List.of("member-1"), "community forum",
                LocalDate.parse("2025-06-01"), jun, "member-1"), jun);
        Instant jul = Instant.parse("2025-07-01T12:00:00Z");
        h.add("SharedLearning", "s-gate", new LearningShared("s-gate", programmeId, riverside, "Meet where people already are",
                "Moving the meeting to the school gate doubled the parents who came",
                new LearningShared.Audience(true, List.of(hillside, seaside), List.of()), List.of("i-gate"),
                List.of(new LearningShared.AdaptationRef("p-meeting", "a-gate")), LocalDate.parse("2025-06-26"), jul, "member-1"), jul);
        Instant aug = Instant.parse("2025-08-12T12:00:00Z");
        h.add("SharedLearning", "s-gate", new SharedLearningRespondedTo("s-gate", programmeId, seaside,
                SharedLearningRespondedTo.Kind.QUESTION, "Did the older residents come back later?", LocalDate.parse("2025-08-12"), aug, "member-9"), aug);
        Instant sep = Instant.parse("2025-09-09T12:00:00Z");
        h.add("Practice", "p-hill-forum", new PracticeAdopted("p-hill-forum", hillside, programmeId, "community forum",
                "A forum at the primary school gate at 3pm, once a month", "Riverside's learning travelled here",
                List.of(), List.of("s-gate"), List.of("member-5"), "residents' meeting", LocalDate.parse("2025-09-01"), sep, "member-5"), sep);
        h.add("SharedLearning", "s-gate", new SharedLearningAdopted("s-gate", programmeId, hillside, "p-hill-forum", null,
                "We tried it at our primary school", LocalDate.parse("2025-09-01"), sep.plusSeconds(60), "member-5"), sep.plusSeconds(60));
        Instant oct = Instant.parse("2025-10-20T12:00:00Z");
        h.add("Sensemaking", "sm-1", new SensemakingHeld("sm-1", programmeId, "Who comes, and who does not",
                List.of("partner-1", "member-1", "member-5"), List.of(riverside, hillside), List.of("i-gate", "i-youth"),
                "Meeting where people are works for parents; older residents need another way in", LocalDate.parse("2025-10-15"), oct, "partner-1"), oct);
        Instant nov = Instant.parse("2025-11-05T12:00:00Z");
        h.add("Insight", "i-youth", new InsightRetracted("i-youth", riverside, programmeId, "recorded twice; see the forum notes", LocalDate.parse("2025-11-05"), nov, "member-2"), nov);
        return h;
    }

    /**
     * A generated history: {@code places} places in one programme and {@code events} events
     * after their registration, recorded from {@code start} on, a few hours apart.
     */
    public static SampleHistory generated(long seed, String programmeId, int places, int events, Instant start) {
        SampleHistory h = new SampleHistory();
        Random random = new Random(seed);
        Instant t = start;
        h.add("Programme", programmeId, new ProgrammeRegistered(programmeId, "Generated " + seed, "admin-1", t), t);
        List<String> placeIds = new ArrayList<>();
        for (int p = 0; p < places; p++) {
            String placeId = programmeId + "-place-" + p;
            placeIds.add(placeId);
            h.add("Place", placeId, new PlaceRegistered(placeId, programmeId, "Place " + p, t, "admin-1"), t);
        }
        List<String[]> insights = new ArrayList<>();      // insightId, placeId
        List<String[]> practices = new ArrayList<>();     // practiceId, placeId, text
        List<String[]> adaptations = new ArrayList<>();   // practiceId, adaptationId, placeId
        List<String[]> shares = new ArrayList<>();        // sharedLearningId, placeId
        for (int n = 0; n < events; n++) {
            t = t.plus(Duration.ofMinutes(30 + random.nextInt(600)));
            String placeId = placeIds.get(random.nextInt(placeIds.size()));
            int roll = random.nextInt(100);
            String id = programmeId + "-" + n;
            if (roll < 40 || insights.isEmpty()) {
                String text = NOTICED[random.nextInt(NOTICED.length)] + " (" + n + ")";
                h.add("Insight", id, new InsightRecorded(id, placeId, programmeId, text, random.nextInt(10) == 0,
                        Layer.values()[random.nextInt(Layer.values().length)], Sphere.values()[random.nextInt(Sphere.values().length)],
                        pick(random, PRINCIPLES, 2), pick(random, THEMES, 1), SOURCES.get(random.nextInt(SOURCES.size())), null,
                        LocalDate.ofInstant(t, ZoneOffset.UTC).minusDays(random.nextInt(60)), t, "member-" + random.nextInt(20)), t);
                insights.add(new String[]{id, placeId});
            } else if (roll < 48) {
                String[] insight = insights.get(random.nextInt(insights.size()));
                h.add("Insight", insight[0], new InsightRevised(insight[0], insight[1], programmeId,
                        NOTICED[random.nextInt(NOTICED.length)] + ", as revised at " + n, Layer.PLACE_NETWORK, Sphere.COMMUNITY,
                        pick(random, PRINCIPLES, 2), pick(random, THEMES, 2), SOURCES.get(0), "more precise", LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-1"), t);
            } else if (roll < 50) {
                String[] insight = insights.get(random.nextInt(insights.size()));
                h.add("Insight", insight[0], new InsightRetracted(insight[0], insight[1], programmeId, "no longer stands", LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-1"), t);
            } else if (roll < 58 || practices.isEmpty()) {
                String name = PRACTICES[random.nextInt(PRACTICES.length)];
                String text = "We run the " + name + " every " + (1 + random.nextInt(4)) + " weeks";
                h.add("Practice", id, new PracticeAdopted(id, placeId, programmeId, name, text, "to try it",
                        citedInsights(random, insights, placeId), List.of(), List.of("member-1"), "partnership board",
                        LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-1"), t);
                practices.add(new String[]{id, placeId, text});
            } else if (roll < 70) {
                String[] practice = practices.get(random.nextInt(practices.size()));
                String becomes = practice[2] + (random.nextBoolean() ? " with residents chairing" : " at the school gate");
                h.add("Practice", practice[0], new PracticeAdapted(practice[0], id, practice[1], programmeId, practice[2], becomes,
                        "because of what we noticed", citedInsights(random, insights, practice[1]), List.of(), List.of("member-2"),
                        "community forum", LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-2"), t);
                practice[2] = becomes.length() > 300 ? practice[2] : becomes;
                adaptations.add(new String[]{practice[0], id, practice[1]});
            } else if (roll < 78 && !adaptations.isEmpty()) {
                String[] adaptation = adaptations.get(random.nextInt(adaptations.size()));
                h.add("Practice", adaptation[0], new AdaptationOutcomeReviewed(adaptation[0], adaptation[1], adaptation[2], programmeId,
                        AdaptationOutcomeReviewed.Outcome.values()[random.nextInt(4)], "what we saw", citedInsights(random, insights, adaptation[2]),
                        LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-3"), t);
            } else if (roll < 86 && !adaptations.isEmpty()) {
                String[] adaptation = adaptations.get(random.nextInt(adaptations.size()));
                h.add("SharedLearning", id, new LearningShared(id, programmeId, adaptation[2], "What we learned " + n, "It worked for us",
                        new LearningShared.Audience(true, List.of(placeIds.get(random.nextInt(placeIds.size()))), List.of()),
                        citedInsights(random, insights, adaptation[2]), List.of(new LearningShared.AdaptationRef(adaptation[0], adaptation[1])),
                        LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-4"), t);
                shares.add(new String[]{id, adaptation[2]});
            } else if (roll < 92 && !shares.isEmpty() && !practices.isEmpty()) {
                String[] share = shares.get(random.nextInt(shares.size()));
                String[] practice = practices.get(random.nextInt(practices.size()));
                h.add("SharedLearning", share[0], new SharedLearningAdopted(share[0], programmeId, practice[1], practice[0], null,
                        "we took it up", LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-5"), t);
            } else if (roll < 96 && !shares.isEmpty()) {
                String[] share = shares.get(random.nextInt(shares.size()));
                h.add("SharedLearning", share[0], new SharedLearningRespondedTo(share[0], programmeId, placeId,
                        SharedLearningRespondedTo.Kind.ENDORSEMENT, "yes, this", LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-6"), t);
            } else if (roll < 99) {
                h.add("Sensemaking", id, new SensemakingHeld(id, programmeId, "Session " + n, List.of("partner-1"),
                        List.of(placeId, placeIds.get(random.nextInt(placeIds.size()))), citedInsights(random, insights, null),
                        "we saw a pattern", LocalDate.ofInstant(t, ZoneOffset.UTC), t, "partner-1"), t);
            } else {
                String[] practice = practices.get(random.nextInt(practices.size()));
                h.add("Practice", practice[0], new PracticeRetired(practice[0], practice[1], programmeId, "it ran its course",
                        List.of(), LocalDate.ofInstant(t, ZoneOffset.UTC), t, "member-1"), t);
            }
        }
        return h;
    }

    private static List<String> pick(Random random, List<String> from, int most) {
        List<String> picked = new ArrayList<>();
        int count = 1 + random.nextInt(most);
        for (int i = 0; i < count; i++) {
            String value = from.get(random.nextInt(from.size()));
            if (!picked.contains(value)) {
                picked.add(value);
            }
        }
        return picked;
    }

    private static List<String> citedInsights(Random random, List<String[]> insights, String placeId) {
        List<String> cited = new ArrayList<>();
        for (int i = 0; i < 3 && !insights.isEmpty(); i++) {
            String[] insight = insights.get(insights.size() - 1 - random.nextInt(Math.min(insights.size(), 30)));
            if ((placeId == null || insight[1].equals(placeId) || random.nextInt(3) == 0) && !cited.contains(insight[0])) {
                cited.add(insight[0]);
            }
        }
        return cited;
    }

    private void add(String aggregateType, String aggregateId, Object payload, Instant recordedAt) {
        events.add(new Event(aggregateType, aggregateId, payload, recordedAt));
    }
}
