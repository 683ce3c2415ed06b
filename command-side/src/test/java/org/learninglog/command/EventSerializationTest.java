package org.learninglog.command;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.axonframework.serialization.Revision;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.store.config.EventJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The events this side writes come back equal through the store's own serializer. */
class EventSerializationTest {

    private final Serializer serializer = EventJson.serializer();

    private <T> T roundTrip(T event) {
        SerializedObject<String> written = serializer.serialize(event, String.class);
        assertThat(written.getType().getRevision()).isEqualTo(event.getClass().getAnnotation(Revision.class).value());
        return serializer.deserialize(written);
    }

    @Test
    void an_insight_with_tags_and_a_date_reads_back_equal() {
        InsightRecorded event = new InsightRecorded("i-1", "p-1", "prog-1", "Noticed", true, Layer.INDIVIDUALS,
                Sphere.COMMUNITY, List.of("power", "learning"), List.of("context"), "coaching",
                PersonalData.quote("person-1", "We were heard"),
                LocalDate.parse("2024-11-02"), Instant.parse("2025-03-14T10:15:30Z"), "member-7");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void an_insight_without_tags_or_date_reads_back_equal() {
        InsightRecorded event = new InsightRecorded("i-1", "p-1", "prog-1", "Noticed", false, Layer.INDIVIDUALS, null,
                null, null, null, null, null, Instant.parse("2025-03-14T10:15:30Z"), "member-7");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void a_place_registration_reads_back_equal() {
        PlaceRegistered event = new PlaceRegistered("p-1", "prog-1", "Riverside", Instant.parse("2025-03-14T10:15:30Z"),
                "admin-1");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void a_shared_learning_with_its_audience_and_adaptations_reads_back_equal() {
        LearningShared event = new LearningShared("s-1", "prog-1", "p-1", "Title", "Summary",
                new LearningShared.Audience(true, List.of("p-2"), List.of("f-1")), List.of("i-1"),
                List.of(new LearningShared.AdaptationRef("pr-1", "a-1")), LocalDate.parse("2025-03-01"),
                Instant.parse("2025-03-14T10:15:30Z"), "m-1");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void personal_data_never_shows_in_an_events_text_form() {
        InsightRecorded event = new InsightRecorded("i-1", "p-1", "prog-1", "Noticed", false, Layer.INDIVIDUALS, null,
                null, null, null, new PersonalData("person-1", "Ada Lovelace", "We were heard", "ada@example.org"),
                null, Instant.parse("2025-03-14T10:15:30Z"), "member-7");
        assertThat(event.toString()).doesNotContain("Ada", "We were heard", "ada@example.org").contains("person-1");
    }
}
