package org.learninglog.command.story;

import org.junit.jupiter.api.Test;
import org.learninglog.command.lookup.RegisteredProgramme;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule for a happening's day, on its edges. */
class StoryDayTest {

    /** Late evening in UTC: already the next day east of it. */
    private static final Instant NOW = Instant.parse("2025-03-14T22:00:00Z");
    private static final RegisteredProgramme BEGAN_IN_2025 = programme(LocalDate.parse("2025-01-06"));

    private static RegisteredProgramme programme(LocalDate storyBegins) {
        return new RegisteredProgramme("programme-1", null, storyBegins);
    }

    @Test
    void no_day_given_is_the_day_of_recording_in_utc() {
        assertThat(StoryDay.of(null, NOW, BEGAN_IN_2025)).isEqualTo(LocalDate.parse("2025-03-14"));
        assertThat(StoryDay.of(null, Instant.parse("2025-03-14T23:59:59Z"), BEGAN_IN_2025))
                .isEqualTo(LocalDate.parse("2025-03-14"));
    }

    @Test
    void tomorrow_in_utc_is_today_somewhere_and_is_accepted() {
        assertThat(StoryDay.of(LocalDate.parse("2025-03-15"), NOW, BEGAN_IN_2025)).isEqualTo(LocalDate.parse("2025-03-15"));
    }

    @Test
    void a_day_beyond_the_time_zone_slack_is_refused_naming_happened_on() {
        assertThatThrownBy(() -> StoryDay.of(LocalDate.parse("2025-03-16"), NOW, BEGAN_IN_2025))
                .isInstanceOfSatisfying(StoryDayRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("happenedOn");
                    assertThat(refused.getMessage()).contains("future");
                });
    }

    @Test
    void the_day_the_story_begins_is_accepted_and_the_day_before_is_refused() {
        assertThat(StoryDay.of(LocalDate.parse("2025-01-06"), NOW, BEGAN_IN_2025)).isEqualTo(LocalDate.parse("2025-01-06"));
        assertThatThrownBy(() -> StoryDay.of(LocalDate.parse("2025-01-05"), NOW, BEGAN_IN_2025))
                .isInstanceOfSatisfying(StoryDayRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("happenedOn");
                    assertThat(refused.getMessage()).contains("2025-01-06");
                });
    }

    @Test
    void a_programme_that_sets_no_beginning_accepts_any_past_day() {
        assertThat(StoryDay.of(LocalDate.parse("1999-12-31"), NOW, programme(null))).isEqualTo(LocalDate.parse("1999-12-31"));
    }

    @Test
    void a_backfill_day_may_be_any_day_up_to_the_programmes_start_but_not_after_it() {
        LocalDate started = LocalDate.parse("2025-01-06");
        assertThat(StoryDay.backfillFrom("backfillFrom", started, started)).isEqualTo(started);
        assertThat(StoryDay.backfillFrom("backfillFrom", LocalDate.parse("2020-01-01"), started))
                .isEqualTo(LocalDate.parse("2020-01-01"));
        assertThatThrownBy(() -> StoryDay.backfillFrom("backfillFrom", started.plusDays(1), started))
                .isInstanceOfSatisfying(StoryDayRefused.class, refused -> assertThat(refused.field()).isEqualTo("backfillFrom"));
    }
}
