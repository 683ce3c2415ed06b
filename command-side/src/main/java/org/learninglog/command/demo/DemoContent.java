package org.learninglog.command.demo;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.learninglog.events.person.PersonRegistered.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo programme as its content file {@value #RESOURCE} writes it: who takes part, the words
 * they use and the calendar of what happens when. The file says what each part means.
 */
record DemoContent(Programme programme, List<Person> people, List<Place> places, List<String> funders,
                   Chances chances, DemoPhrases phrases, List<Month> calendar, List<LearningCluster> learningClusters) {

    DemoContent {
        learningClusters = learningClusters == null ? List.of() : learningClusters;
    }

    /** A learning cluster and its sessions, each with its forms' counts in the orders the file explains. */
    record LearningCluster(String topic, List<String> places, LocalDate startsOn, LocalDate endsOn, List<String> usefulOptions,
                           List<ClusterSession> sessions) {
    }

    record ClusterSession(LocalDate day, List<Integer> came, int returned, List<Integer> ratings, List<Integer> mostUseful,
                          List<Integer> gotWhatTheyWanted) {
    }

    static final String RESOURCE = "demo/demo-programme.yaml";

    /** Reads the content file; a word it does not know (a misspelt field or activity) is an error. */
    static DemoContent read() {
        YAMLMapper yaml = YAMLMapper.builder().addModule(new JavaTimeModule()).build();
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo programme's content " + RESOURCE + " is missing");
            }
            return yaml.readValue(in, DemoContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo programme's content " + RESOURCE + " could not be read", e);
        }
    }

    /**
     * @param seed         the seed of every random choice: the same content and seed, the same demo
     * @param backfillFrom the earliest story day the programme allows: its year of history lies before
     *                     the day the demo registers it
     */
    record Programme(String id, String name, long seed, LocalDate backfillFrom) {
    }

    /** @param key what the person's id is derived from, when not their name */
    record Person(String key, String name, Role role, boolean mayBeQuoted) {

        String idName() {
            return key == null ? name : key;
        }
    }

    record Place(String name, List<Member> members) {
    }

    record Member(String name, boolean mayBeQuoted) {
    }

    /** Each chance is "one in so many". */
    record Chances(int unintendedInsight, int quotedEvidence, int funderResponds) {
    }

    /** A month of learning: its activities at each place, then those of the whole programme. */
    record Month(LocalDate starts, List<Activity> atEachPlace, List<Activity> then) {

        Month {
            atEachPlace = atEachPlace == null ? List.of() : atEachPlace;
            then = then == null ? List.of() : then;
        }
    }

    /** What happens in a month, named in the file by {@code do}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "do")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = RecordInsights.class, name = "record insights"),
            @JsonSubTypes.Type(value = AdoptPractice.class, name = "adopt a practice"),
            @JsonSubTypes.Type(value = AdaptPractice.class, name = "adapt a practice"),
            @JsonSubTypes.Type(value = ReviseInsight.class, name = "revise an insight"),
            @JsonSubTypes.Type(value = RetirePractice.class, name = "retire a practice"),
            @JsonSubTypes.Type(value = ChangeFramework.class, name = "change the framework"),
            @JsonSubTypes.Type(value = ReviewOutcomes.class, name = "review outcomes"),
            @JsonSubTypes.Type(value = RetractInsights.class, name = "retract insights"),
            @JsonSubTypes.Type(value = ShareLearning.class, name = "share learning"),
            @JsonSubTypes.Type(value = TakeUpSharedLearning.class, name = "take up shared learning"),
            @JsonSubTypes.Type(value = HoldSensemaking.class, name = "hold sensemaking")})
    sealed interface Activity permits RecordInsights, AdoptPractice, AdaptPractice, ReviseInsight, RetirePractice,
            ChangeFramework, ReviewOutcomes, RetractInsights, ShareLearning, TakeUpSharedLearning, HoldSensemaking {
    }

    /** One insight on a day within each of the ranges. */
    record RecordInsights(List<DayRange> days) implements Activity {
    }

    record DayRange(int from, int to) {
    }

    record AdoptPractice(int day) implements Activity {
    }

    /** @param places where it happens (every place when absent) */
    record AdaptPractice(int day, List<String> places) implements Activity {

        boolean happensAt(String place) {
            return places == null || places.contains(place);
        }
    }

    record ReviseInsight(int day) implements Activity {
    }

    record RetirePractice(int day) implements Activity {
    }

    record ChangeFramework(String addTheme, String reason) implements Activity {
    }

    /** @param atMost how many adaptations are reviewed (all of those waiting when absent) */
    record ReviewOutcomes(int day, Integer atMost) implements Activity {
    }

    record RetractInsights(int day) implements Activity {
    }

    record ShareLearning(int day, List<Share> shares) implements Activity {
    }

    /**
     * @param toPlace the place it is shared with, along with one funder; the whole programme when absent
     * @param by      {@code learning partner} when the partner shares it on the place's behalf
     */
    record Share(String place, String title, String toPlace, String by) {

        static final String LEARNING_PARTNER = "learning partner";

        Share {
            if (by != null && !by.equals(LEARNING_PARTNER)) {
                throw new IllegalArgumentException("A share is by the place or by: " + LEARNING_PARTNER + ", not " + by);
            }
        }

        boolean byLearningPartner() {
            return by != null;
        }
    }

    /** @param responsesDay the day the responses come (the take-up's own day is {@code day}) */
    record TakeUpSharedLearning(int day, int responsesDay) implements Activity {
    }

    record HoldSensemaking(int day) implements Activity {
    }
}
