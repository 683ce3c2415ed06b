package org.learninglog.command.sharing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.Given;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.util.List;

import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.OTHER_PLACE;
import static org.learninglog.command.Given.PLACE;
import static org.learninglog.command.Given.PROGRAMME;
import static org.learninglog.command.Given.TODAY;

@ExtendWith(MongoStoreExtension.class)
class SharedLearningTest {

    private static final LearningShared.Audience AUDIENCE =
            new LearningShared.Audience(false, List.of(OTHER_PLACE), List.of("funder-1"));
    private static final LearningShared SHARED = new LearningShared("shared-1", PROGRAMME, PLACE, "Meet where people are",
            "We moved the meeting", AUDIENCE, List.of("insight-1"),
            List.of(new LearningShared.AdaptationRef("practice-1", "adaptation-1")), TODAY, NOW, "member-1");

    private AggregateTestFixture<SharedLearning> fixture;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new Given(store).programmeWithTwoPlaces()
                .funder("funder-1")
                .insight("insight-1", PLACE)
                .practice("practice-1", PLACE, "adaptation-1")
                .practice("practice-2", OTHER_PLACE, "adaptation-2")
                .fixture(SharedLearning.class);
    }

    @Test
    void a_place_shares_learning_built_on_its_insights_and_adaptations_with_a_place_and_a_funder() {
        fixture.givenNoPriorActivity()
                .when(new ShareLearningCommand("shared-1", PROGRAMME, PLACE, "Meet where people are",
                        "We moved the meeting", AUDIENCE, List.of("insight-1"),
                        List.of(new LearningShared.AdaptationRef("practice-1", "adaptation-1")), null, "member-1"))
                .expectEvents(SHARED);
    }

    @Test
    void sharing_with_an_unknown_funder_is_an_unknown_reference() {
        fixture.givenNoPriorActivity()
                .when(new ShareLearningCommand("shared-1", PROGRAMME, PLACE, "Title", "Summary",
                        new LearningShared.Audience(false, List.of(), List.of("funder-9")), List.of("insight-1"),
                        List.of(), null, "member-1"))
                .expectException(UnknownReference.class)
                .expectNoEvents();
    }

    @Test
    void another_place_adopts_the_learning_citing_its_own_adaptation() {
        fixture.given(SHARED)
                .when(new AdoptSharedLearningCommand("shared-1", null, OTHER_PLACE, "practice-2", "adaptation-2",
                        "We tried it our way", null, "member-2"))
                .expectEvents(new SharedLearningAdopted("shared-1", PROGRAMME, OTHER_PLACE, "practice-2",
                        "adaptation-2", "We tried it our way", TODAY, NOW, "member-2"));
    }

    @Test
    void a_place_does_not_adopt_its_own_shared_learning() {
        fixture.given(SHARED)
                .when(new AdoptSharedLearningCommand("shared-1", null, PLACE, "practice-1", null, "Ours", null, "member-1"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void adopting_with_another_places_practice_is_refused() {
        fixture.given(SHARED)
                .when(new AdoptSharedLearningCommand("shared-1", null, OTHER_PLACE, "practice-1", null, "Note", null, "m-2"))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_funder_response_from_across_the_programme_is_recorded_without_a_place() {
        fixture.given(SHARED)
                .when(new RespondToSharedLearningCommand("shared-1", null, null,
                        SharedLearningRespondedTo.Kind.ENDORSEMENT, "We would like to see it", null, "funder-person-1"))
                .expectEvents(new SharedLearningRespondedTo("shared-1", PROGRAMME, null,
                        SharedLearningRespondedTo.Kind.ENDORSEMENT, "We would like to see it", TODAY, NOW, "funder-person-1"));
    }
}
