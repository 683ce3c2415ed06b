package org.learninglog.query.flow;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.query.flow.FlowDocuments.Flow;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewReader;
import org.learninglog.sample.SampleHistory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow as it stands is answered from running tallies, not folded: it must be what folding
 * every item gives, over generated histories with the awkward cases in them (places named but never
 * registered, learning shared from the programme, adoptions of learning shared nowhere we know,
 * audiences naming a place twice or the sharer, places registered twice or committed late), and the
 * flow's documents must stay small however many shares there are.
 */
class FlowTalliesEqualFoldTest {

    private static final String PROGRAMME = "programme-f";

    @Test
    void the_flow_as_it_stands_equals_every_item_folded_over_generated_histories() {
        int exact = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<ViewEvent> events = awkward(seed, 400);
            ViewReader reader = new InMemoryDocuments().apply(new LearningFlowProjection(), events).reader();
            LearningFlow now = FlowQueries.flow(reader, PROGRAMME, null, null);
            Document document = reader.get(FlowDocuments.flowId(PROGRAMME));

            assertThat(now).as("seed " + seed).isEqualTo(FlowQueries.fold(FlowQueries.items(reader, PROGRAMME, document), PROGRAMME, null, null));
            LearningFlow farFuture = FlowQueries.flow(reader, PROGRAMME, Instant.parse("2999-01-01T00:00:00Z"), null);
            assertThat(now.nodes()).as("seed " + seed).isEqualTo(farFuture.nodes());
            assertThat(now.edges()).as("seed " + seed).isEqualTo(farFuture.edges());
            exact += FlowTallies.of(document).exact() ? 1 : 0;
        }
        assertThat(exact).as("histories the tallies answered (not folded)").isGreaterThanOrEqualTo(10).isLessThan(40);
    }

    @Test
    void tallies_kept_over_a_sample_history_answer_as_the_fold_and_no_document_holds_more_than_a_page_of_shares() {
        List<ViewEvent> events = sample(6, 3_000);
        InMemoryDocuments view = new InMemoryDocuments().apply(new LearningFlowProjection(), events);
        ViewReader reader = view.reader();
        Document document = reader.get(FlowDocuments.flowId(PROGRAMME));

        assertThat(FlowTallies.of(document).exact()).isTrue();
        assertThat(FlowQueries.flow(reader, PROGRAMME, null, null))
                .isEqualTo(FlowQueries.fold(FlowQueries.items(reader, PROGRAMME, document), PROGRAMME, null, null));
        long shares = events.stream().filter(e -> e.payload() instanceof LearningShared).count();
        assertThat(shares).isGreaterThan(3L * PagedLog.PAGE_SIZE);
        for (String id : view.ids()) {
            Document stored = view.load(id);
            assertThat(stored.get("shares")).as(id).isNull();
            assertThat(stored.get("adoptions")).as(id).isNull();
            assertThat(stored.getList(PagedLog.ENTRIES, Document.class, List.of())).as(id).hasSizeLessThanOrEqualTo(PagedLog.PAGE_SIZE);
        }
    }

    @Test
    void a_flow_document_of_the_former_shape_is_read_and_written_as_before_and_answers_the_same() {
        List<ViewEvent> events = awkward(7, 400);
        List<ViewEvent> before = events.subList(0, 200);
        InMemoryDocuments paged = new InMemoryDocuments().apply(new LearningFlowProjection(), events);
        InMemoryDocuments former = new InMemoryDocuments().apply(new LearningFlowProjection(), before);
        // The flow document as kept before it was paged: every item in it, no tallies, no log
        Document document = former.load(FlowDocuments.flowId(PROGRAMME));
        Flow items = FlowQueries.items(former.reader(), PROGRAMME, document);
        Document old = new Document("_id", document.getString("_id")).append("_pos", document.get("_pos"));
        items.places().forEach(place -> place.appendTo(old));
        items.shares().forEach(share -> share.appendTo(old));
        items.adoptions().forEach(adoption -> adoption.appendTo(old));
        for (String id : former.ids()) {
            if (id.startsWith(FlowDocuments.flowId(PROGRAMME) + "#")) {
                former.remove(id);
            }
        }
        former.store(List.of(old));
        former.apply(new LearningFlowProjection(), events.subList(200, events.size()));

        assertThat(former.load(FlowDocuments.flowId(PROGRAMME)).get(FlowDocuments.TALLIES)).isNull();
        for (Instant cut : new Instant[] {null, events.get(100).recordedAt(), events.get(300).recordedAt()}) {
            assertThat(FlowQueries.flow(former.reader(), PROGRAMME, cut, null)).isEqualTo(FlowQueries.flow(paged.reader(), PROGRAMME, cut, null));
        }
    }

    /** A generated programme's own history (every share to the whole programme and to one place named). */
    private static List<ViewEvent> sample(int places, int count) {
        List<SampleHistory.Event> history = SampleHistory.generated(5, PROGRAMME, places, count, Instant.parse("2024-01-01T00:00:00Z")).events();
        List<ViewEvent> events = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            events.add(new ViewEvent(i + 1, "event-" + i, history.get(i).recordedAt(), history.get(i).payload()));
        }
        return events;
    }

    /** Places, shares and adoptions at random, with the cases the tallies must get right or hand to the fold. */
    private static List<ViewEvent> awkward(long seed, int count) {
        Random random = new Random(seed);
        // A quarter of the histories each: plain, with registrations committed late, registering a place
        // twice, and several events recorded at the same instant (the last three are folded)
        boolean late = seed % 4 == 1;
        boolean twice = seed % 4 == 2;
        boolean sameInstants = seed % 4 == 3;
        List<ViewEvent> events = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> shares = new ArrayList<>();
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int n = 0; n < count; n++) {
            t = t.plus(Duration.ofMinutes(sameInstants && random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(300)));
            int roll = random.nextInt(100);
            Object payload;
            Instant at = t;
            if (roll < 10 || places.isEmpty()) {
                String placeId = twice && !places.isEmpty() && random.nextInt(4) == 0 ? places.get(0) : "place-" + places.size();
                places.add(placeId);
                at = late && random.nextInt(3) == 0 ? t.minus(Duration.ofHours(random.nextInt(48))) : t;
                payload = new PlaceRegistered(placeId, PROGRAMME, "Place " + n, at);
            } else if (roll < 60) {
                String id = "shared-" + n;
                shares.add(id);
                List<String> to = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    to.add(random.nextInt(6) == 0 ? "stranger-" + random.nextInt(3) : places.get(random.nextInt(places.size())));
                }
                String from = random.nextInt(8) == 0 ? null : places.get(random.nextInt(places.size()));
                if (from != null && random.nextInt(6) == 0) {
                    to.add(from);
                }
                payload = new LearningShared(id, PROGRAMME, from, "Shared " + n, "what we learned",
                        new LearningShared.Audience(random.nextBoolean(), to, List.of()), List.of(), List.of(),
                        LocalDate.ofInstant(t, ZoneOffset.UTC).minusDays(random.nextInt(30)), t, "member-1");
            } else {
                String share = shares.isEmpty() || random.nextInt(10) == 0 ? "unknown-" + n : shares.get(random.nextInt(shares.size()));
                String by = random.nextInt(10) == 0 ? "stranger-" + random.nextInt(3) : places.get(random.nextInt(places.size()));
                payload = new SharedLearningAdopted(share, PROGRAMME, by, "practice-" + n, null, "we took it up",
                        LocalDate.ofInstant(t, ZoneOffset.UTC).minusDays(random.nextInt(30)), t, "member-2");
            }
            events.add(new ViewEvent(n + 1, "event-" + n, at, payload));
        }
        return events;
    }
}
