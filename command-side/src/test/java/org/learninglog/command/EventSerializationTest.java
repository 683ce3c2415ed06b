package org.learninglog.command;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.place.PlaceRegistered;
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
        assertThat(written.getType().getRevision()).isEqualTo("1");
        return serializer.deserialize(written);
    }

    @Test
    void an_insight_with_tags_and_a_date_reads_back_equal() {
        InsightRecorded event = new InsightRecorded("i-1", "p-1", "prog-1", "Noticed", List.of("power", "learning"),
                LocalDate.parse("2024-11-02"), Instant.parse("2025-03-14T10:15:30Z"), "member-7");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void an_insight_without_tags_or_date_reads_back_equal() {
        InsightRecorded event = new InsightRecorded("i-1", "p-1", "prog-1", "Noticed", null, null,
                Instant.parse("2025-03-14T10:15:30Z"), "member-7");
        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void a_place_registration_reads_back_equal() {
        PlaceRegistered event = new PlaceRegistered("p-1", "prog-1", "Riverside", Instant.parse("2025-03-14T10:15:30Z"));
        assertThat(roundTrip(event)).isEqualTo(event);
    }
}
