package org.learninglog.query.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record's clock as a reader writes it: an instant, or a day meaning up to its end in UTC. */
class KnownParameterTest {

    @Test
    void a_day_reads_as_the_last_instant_of_that_day_in_utc() {
        Instant cut = KnownParameter.cut("2025-06-01", null);

        assertThat(cut).isAfter(Instant.parse("2025-06-01T23:59:59.999Z")).isBefore(Instant.parse("2025-06-02T00:00:00Z"));
    }

    @Test
    void an_instant_reads_as_itself_with_any_offset() {
        assertThat(KnownParameter.cut("2025-06-01T12:00:00Z", null)).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(KnownParameter.cut("2025-06-01T14:00:00+02:00", null)).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
    }

    @Test
    void as_of_is_read_the_same_way_under_its_own_name() {
        assertThat(KnownParameter.cut(null, "2025-06-01")).isEqualTo(KnownParameter.cut("2025-06-01", null));
        assertThat(KnownParameter.cut(null, null)).isNull();
    }

    @Test
    void an_unreadable_value_is_refused_naming_the_parameter_it_came_in() {
        assertThatThrownBy(() -> KnownParameter.cut("yesterday", null)).isInstanceOf(BadQueryException.class)
                .extracting(e -> ((BadQueryException) e).field()).isEqualTo("known");
        assertThatThrownBy(() -> KnownParameter.cut(null, "2025-13-01")).isInstanceOf(BadQueryException.class)
                .extracting(e -> ((BadQueryException) e).field()).isEqualTo("asOf");
    }

    @Test
    void both_names_at_once_are_refused_naming_the_deprecated_one() {
        assertThatThrownBy(() -> KnownParameter.cut("2025-06-01", "2025-06-01")).isInstanceOf(BadQueryException.class)
                .extracting(e -> ((BadQueryException) e).field()).isEqualTo("asOf");
    }
}
