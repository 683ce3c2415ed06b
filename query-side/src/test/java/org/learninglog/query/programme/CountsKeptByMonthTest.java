package org.learninglog.query.programme;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.query.view.InMemoryDocuments;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewReader;
import org.learninglog.sample.SampleHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme's counts are kept a document per month of recording, and tallied a document per year
 * of recording; a view from before, which kept them all in one document, reads the same once new
 * months are added beside it, and so does a view kept before tallies, or upgraded to them mid-way.
 */
class CountsKeptByMonthTest {

    private static final String PROGRAMME = "programme-c";
    private static final List<SampleHistory.Event> HISTORY = SampleHistory.generated(11, PROGRAMME, 6, 1_200,
            Instant.parse("2024-01-01T00:00:00Z")).events();

    private static List<ViewEvent> events() {
        List<ViewEvent> events = new ArrayList<>();
        for (int i = 0; i < HISTORY.size(); i++) {
            SampleHistory.Event event = HISTORY.get(i);
            events.add(new ViewEvent(i + 1, "event-" + i, event.recordedAt(), event.payload()));
        }
        return events;
    }

    @Test
    void each_counts_document_holds_one_month_of_recording_and_each_tally_one_year() {
        InMemoryDocuments view = new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), events());

        List<String> counts = view.ids().stream().filter(id -> id.matches("counts:" + PROGRAMME + ":\\d{4}-\\d{2}")).toList();
        List<String> tallies = view.ids().stream().filter(id -> id.matches("counts:" + PROGRAMME + ":\\d{4}")).toList();
        assertThat(counts).hasSizeGreaterThan(6);
        assertThat(tallies).isNotEmpty().hasSizeLessThan(counts.size());
        assertThat(view.ids().stream().filter(id -> id.startsWith("counts:")).toList()).hasSize(counts.size() + tallies.size());
        assertThat(view.ids()).doesNotContain(ProgrammeTimelineProjection.countsId(PROGRAMME));
        assertThat(view.load(ProgrammeTimelineProjection.timelineKey(PROGRAMME)).get(ClockBuckets.TALLIED, Document.class))
                .containsEntry("line", 0L);
    }

    @Test
    void a_view_upgraded_to_tallies_with_lines_kept_reads_the_same() {
        List<ViewEvent> events = events();
        List<Object> expected = answers(new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), events).reader());

        // The first half kept as before tallies: no tallies, no note of where they begin; then the rest kept now
        InMemoryDocuments view = new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), events.subList(0, events.size() / 2));
        withoutTallies(view);
        view.apply(new ProgrammeTimelineProjection(), events.subList(events.size() / 2, events.size()));

        Document tallied = view.load(ProgrammeTimelineProjection.timelineKey(PROGRAMME)).get(ClockBuckets.TALLIED, Document.class);
        assertThat(tallied.get("line", Number.class).longValue()).isPositive();
        assertThat(answers(view.reader())).isEqualTo(expected);
    }

    @Test
    void a_view_that_kept_every_month_in_one_document_reads_the_same_with_the_months_added_since() {
        InMemoryDocuments view = new InMemoryDocuments().apply(new ProgrammeTimelineProjection(), events());
        List<Object> before = answers(view.reader());
        withoutTallies(view); // kept before tallies, as well as before the counts of each month

        // As a view kept before the upgrade: the months up to the middle one in one document, and the
        // middle month's buckets split between it and the month's own document (the month of the upgrade)
        List<String> months = view.ids().stream().filter(id -> id.matches("counts:" + PROGRAMME + ":\\d{4}-\\d{2}")).toList();
        String middle = months.get(months.size() / 2);
        Document recorded = new Document();
        for (String id : months.subList(0, months.size() / 2 + 1)) {
            Document month = view.load(id);
            String key = id.substring(id.lastIndexOf(':') + 1);
            if (id.equals(middle)) {
                Document kept = month.get(ClockBuckets.STORY, Document.class);
                recorded.put(key, half(kept, true));
                view.store(List.of(new Document("_id", id).append("_pos", month.get("_pos"))
                        .append(ClockBuckets.STORY, half(kept, false))));
            } else {
                recorded.put(key, month.get(ClockBuckets.STORY, Document.class));
                view.remove(id);
            }
        }
        view.store(List.of(new Document("_id", ProgrammeTimelineProjection.countsId(PROGRAMME)).append("recorded", recorded)));

        assertThat(answers(view.reader())).isEqualTo(before);
    }

    /** Takes the tallies and the note of where they begin away, as a view kept before them would not hold them. */
    private static void withoutTallies(InMemoryDocuments view) {
        view.ids().stream().filter(id -> id.matches("counts:" + PROGRAMME + ":\\d{4}")).forEach(view::remove);
        Document head = view.load(ProgrammeTimelineProjection.timelineKey(PROGRAMME));
        head.remove(ClockBuckets.TALLIED);
        view.store(List.of(head));
    }

    /** Counts by both clocks, cut on both, and steps of the story's replay. */
    private static List<Object> answers(ViewReader reader) {
        Instant known = HISTORY.get(HISTORY.size() / 3).recordedAt();
        LocalDate on = LocalDate.parse("2024-06-15");
        List<Object> answers = new ArrayList<>();
        for (ClockOrder by : ClockOrder.values()) {
            answers.add(ProgrammeTimelineQueries.counts(reader, PROGRAMME, null, null, by));
            answers.add(ProgrammeTimelineQueries.counts(reader, PROGRAMME, known, null, by));
            answers.add(ProgrammeTimelineQueries.counts(reader, PROGRAMME, null, on, by));
        }
        for (long step : List.of(1L, 300L, 700L, 1_100L)) {
            answers.add(ProgrammeTimelineQueries.storyStep(reader, PROGRAMME, step, null));
        }
        answers.add(ProgrammeTimelineQueries.storyStepOn(reader, PROGRAMME, on, known));
        answers.add(ClockBuckets.storyMonths(reader, PROGRAMME).stream().map(YearMonth::toString).toList());
        return answers;
    }

    /** Every count halved: the first half rounded down, the second what is left, so the two add up. */
    private static Document half(Document sums, boolean first) {
        Document half = new Document();
        for (Map.Entry<String, Object> field : sums.entrySet()) {
            if (field.getValue() instanceof Document nested) {
                half.put(field.getKey(), half(nested, first));
            } else {
                long value = ((Number) field.getValue()).longValue();
                half.put(field.getKey(), first ? value / 2 : value - value / 2);
            }
        }
        return half;
    }
}
