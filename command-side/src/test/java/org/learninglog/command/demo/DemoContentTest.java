package org.learninglog.command.demo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's content file, as a person editing it could break it. */
class DemoContentTest {

    private final DemoContent content = DemoContent.read();

    @Test
    void the_places_the_demo_accounts_are_members_of_keep_their_ids() {
        // security/src/main/resources/learninglog-demo-accounts.yml: riverside and hillcrest
        assertThat(content.places()).extracting(place -> DemoSoFar.id("place", place.name()))
                .contains("place-60f4ecc4-0cc1-3e8f-aa9c-4b7774a664d4", "place-2c5f704f-652f-3a25-aa4e-703e3d6c4477");
    }

    @Test
    void every_place_the_calendar_names_is_a_place_of_the_demo() {
        List<String> named = new ArrayList<>();
        for (DemoContent.Month month : content.calendar()) {
            for (DemoContent.Activity activity : month.atEachPlace()) {
                if (activity instanceof DemoContent.AdaptPractice adapt && adapt.places() != null) {
                    named.addAll(adapt.places());
                }
            }
            for (DemoContent.Activity activity : month.then()) {
                if (activity instanceof DemoContent.ShareLearning sharing) {
                    sharing.shares().forEach(share -> {
                        named.add(share.place());
                        if (share.toPlace() != null) {
                            named.add(share.toPlace());
                        }
                    });
                }
            }
        }
        assertThat(named).isNotEmpty()
                .isSubsetOf(content.places().stream().map(DemoContent.Place::name).toList());
    }

    @Test
    void each_month_of_the_calendar_starts_after_the_one_before() {
        assertThat(content.calendar()).extracting(DemoContent.Month::starts).isSorted().doesNotHaveDuplicates();
    }
}
