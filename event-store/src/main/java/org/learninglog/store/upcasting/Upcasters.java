package org.learninglog.store.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;

/**
 * Every upcaster of old event revisions, in the order they must run: an event passes through each
 * in turn, so {@code InsightRecorded} revision 1 becomes 2 before 2 becomes 3. One chain, because
 * the order of separate beans in Axon's chain is not ours to rely on.
 */
public final class Upcasters {

    private static final String EVENTS = "org.learninglog.events.";

    private Upcasters() {
    }

    public static List<EventUpcaster> inOrder() {
        return List.of(
                new InsightRecordedUpcaster(),
                new StoryDayUpcaster(EVENTS + "insight.InsightRecorded", "2", "3", null),
                new StoryDayUpcaster(EVENTS + "insight.InsightRevised", "1", "2", null),
                new StoryDayUpcaster(EVENTS + "insight.InsightRetracted", "1", "2", null),
                new StoryDayUpcaster(EVENTS + "practice.PracticeAdopted", "1", "2", "occurredOn"),
                new StoryDayUpcaster(EVENTS + "practice.PracticeAdapted", "1", "2", "occurredOn"),
                new StoryDayUpcaster(EVENTS + "practice.PracticeRetired", "1", "2", "occurredOn"),
                new StoryDayUpcaster(EVENTS + "practice.AdaptationOutcomeReviewed", "1", "2", "reviewedOn"),
                new StoryDayUpcaster(EVENTS + "sensemaking.SensemakingHeld", "1", "2", "heldOn"),
                new StoryDayUpcaster(EVENTS + "sharing.LearningShared", "1", "2", null),
                new StoryDayUpcaster(EVENTS + "sharing.SharedLearningAdopted", "1", "2", null),
                new StoryDayUpcaster(EVENTS + "sharing.SharedLearningRespondedTo", "1", "2", null));
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(inOrder());
    }
}
