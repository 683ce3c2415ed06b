package org.learninglog.launcher;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.Api.Answer;
import org.learninglog.store.MongoStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo programme loads through every rule of the command side, once. */
@LearningLogIntegrationTest
class DemoProgrammeTest {

    private static final List<String> EVERY_EVENT_TYPE = List.of("ProgrammeRegistered", "LearningFrameworkDefined",
            "LearningFrameworkChanged", "PlaceRegistered", "FunderRegistered", "PersonRegistered", "InsightRecorded",
            "InsightRevised", "InsightRetracted", "PracticeAdopted", "PracticeAdapted", "PracticeRetired",
            "AdaptationOutcomeReviewed", "LearningShared", "SharedLearningAdopted", "SharedLearningRespondedTo",
            "SensemakingHeld", "StoryBackfillAllowed");

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoStore store;

    /** Counts the stored events of the demo programme by type, from the store itself. */
    private Map<String, Integer> storedDemoEventsByType() {
        Map<String, Integer> counts = new HashMap<>();
        for (Document commit : store.database().getCollection("events").find()) {
            for (Document event : commit.getList("events", Document.class, List.of())) {
                Object payload = event.get("payload");
                String text = payload == null ? "" : payload.toString();
                String type = String.valueOf(event.get("type"));
                if (text.contains("demo-programme")) {
                    counts.merge(type.substring(type.lastIndexOf('.') + 1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void the_demo_loads_over_300_events_of_every_type_and_refuses_a_second_load() {
        Answer loaded = new Api(http).post("/api/admin/demo", "");

        assertThat(loaded.status()).as(loaded.body().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(loaded.body().path("total").asInt()).isGreaterThanOrEqualTo(300);
        System.out.println("Demo events by type: " + loaded.body());
        Map<String, Integer> stored = storedDemoEventsByType();
        assertThat(stored.keySet()).containsAll(EVERY_EVENT_TYPE);
        assertThat(stored.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(300);

        Answer again = new Api(http).post("/api/admin/demo", "");
        assertThat(again.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.isProblem()).isTrue();
    }
}
