package org.learninglog.query.flow;

import org.junit.jupiter.api.Test;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewEvents;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The learning flow projection as a plain unit, read back through its query. */
class LearningFlowProjectionTest {

    private static final List<ViewEvent> HISTORY = ViewEvents.inOrder(
            new PlaceRegistered("place-a", "programme-1", "Riverside", ViewEvents.recordedAt(1)),
            new PlaceRegistered("place-b", "programme-1", "Hilltop", ViewEvents.recordedAt(2)),
            new LearningShared("shared-1", "programme-1", "place-a", "Gate meetings", "Meet where parents are",
                    new LearningShared.Audience(false, List.of("place-b"), List.of()), List.of(), List.of(),
                    LocalDate.ofInstant(ViewEvents.recordedAt(3), ZoneOffset.UTC),
                    ViewEvents.recordedAt(3), "member-1"),
            new SharedLearningAdopted("shared-1", "programme-1", "place-b", "practice-9", null, "Tried it",
                    LocalDate.ofInstant(ViewEvents.recordedAt(4), ZoneOffset.UTC),
                    ViewEvents.recordedAt(4), "member-2"));

    @Test
    void learning_shared_by_one_place_and_adopted_by_another_draws_a_shared_and_an_adopted_edge_between_them() {
        LearningFlow flow = FlowQueries.flow(new InMemoryDocuments().apply(new LearningFlowProjection(), HISTORY).reader(),
                "programme-1", null);

        assertThat(flow.nodes()).extracting(LearningFlow.Node::placeId).containsExactlyInAnyOrder("place-a", "place-b");
        assertThat(flow.edges()).extracting(edge -> edge.kind() + " " + edge.from() + ">" + edge.to())
                .containsExactlyInAnyOrder("shared place-a>place-b", "adopted place-a>place-b");
    }

    @Test
    void as_of_before_the_adoption_only_the_share_is_drawn() {
        LearningFlow flow = FlowQueries.flow(new InMemoryDocuments().apply(new LearningFlowProjection(), HISTORY).reader(),
                "programme-1", ViewEvents.recordedAt(3));

        assertThat(flow.edges()).extracting(LearningFlow.Edge::kind).containsExactly("shared");
    }

    @Test
    void on_a_story_day_before_a_late_recorded_adoption_happened_only_the_share_is_drawn() {
        List<ViewEvent> history = ViewEvents.inOrder(
                new PlaceRegistered("place-a", "programme-1", "Riverside", ViewEvents.recordedAt(1)),
                new PlaceRegistered("place-b", "programme-1", "Hilltop", ViewEvents.recordedAt(2)),
                new LearningShared("shared-1", "programme-1", "place-a", "Gate meetings", "Meet where parents are",
                        new LearningShared.Audience(false, List.of("place-b"), List.of()), List.of(), List.of(),
                        LocalDate.parse("2024-10-01"), ViewEvents.recordedAt(3), "member-1"),
                new SharedLearningAdopted("shared-1", "programme-1", "place-b", "practice-9", null, "Tried it",
                        LocalDate.parse("2024-11-15"), ViewEvents.recordedAt(4), "member-2"));
        var view = new InMemoryDocuments().apply(new LearningFlowProjection(), history).reader();

        assertThat(FlowQueries.flow(view, "programme-1", null, LocalDate.parse("2024-11-14")).edges())
                .extracting(LearningFlow.Edge::kind).containsExactly("shared");
        assertThat(FlowQueries.flow(view, "programme-1", null, LocalDate.parse("2024-11-15")).edges())
                .extracting(LearningFlow.Edge::kind).containsExactlyInAnyOrder("shared", "adopted");
        assertThat(FlowQueries.flow(view, "programme-1", null, LocalDate.parse("2024-09-30")).edges()).isEmpty();
    }

    @Test
    void received_counts_on_the_places_learning_reached_and_taken_up_on_the_sharing_place() {
        List<ViewEvent> history = ViewEvents.inOrder(
                new PlaceRegistered("place-a", "programme-1", "Riverside", ViewEvents.recordedAt(1)),
                new PlaceRegistered("place-b", "programme-1", "Hilltop", ViewEvents.recordedAt(2)),
                new PlaceRegistered("place-c", "programme-1", "Lakeside", ViewEvents.recordedAt(3)),
                new LearningShared("shared-1", "programme-1", "place-a", "Gate meetings", "Meet where parents are",
                        new LearningShared.Audience(false, List.of("place-b"), List.of()), List.of(), List.of(),
                        LocalDate.ofInstant(ViewEvents.recordedAt(4), ZoneOffset.UTC),
                        ViewEvents.recordedAt(4), "member-1"),
                new LearningShared("shared-2", "programme-1", "place-b", "Walks", "Walk the estate together",
                        new LearningShared.Audience(true, List.of(), List.of()), List.of(), List.of(),
                        LocalDate.ofInstant(ViewEvents.recordedAt(5), ZoneOffset.UTC),
                        ViewEvents.recordedAt(5), "member-2"),
                new PlaceRegistered("place-d", "programme-1", "Late", ViewEvents.recordedAt(6)),
                new SharedLearningAdopted("shared-1", "programme-1", "place-b", "practice-9", null, "Tried it",
                        LocalDate.ofInstant(ViewEvents.recordedAt(7), ZoneOffset.UTC),
                        ViewEvents.recordedAt(7), "member-2"));

        LearningFlow flow = FlowQueries.flow(new InMemoryDocuments().apply(new LearningFlowProjection(), history).reader(),
                "programme-1", null);

        assertThat(flow.nodes()).extracting(node -> node.placeId() + " shared " + node.shared() + " received " + node.received()
                        + " adopted " + node.adopted() + " taken up " + node.takenUp())
                .containsExactlyInAnyOrder(
                        "place-a shared 1 received 1 adopted 0 taken up 1",
                        "place-b shared 1 received 1 adopted 1 taken up 0",
                        "place-c shared 0 received 1 adopted 0 taken up 0",
                        "place-d shared 0 received 0 adopted 0 taken up 0");
    }
}
