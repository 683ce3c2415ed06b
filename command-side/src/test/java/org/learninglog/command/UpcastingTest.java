package org.learninglog.command;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.upcasting.InsightRecordedUpcaster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code InsightRecorded} of revision 1, as the code of that revision wrote it (the fixture was
 * serialized by it), reads as revision 2 through the upcaster: the tags become principles word for
 * word, nothing is guessed, and no evidence appears.
 */
class UpcastingTest {

    private final JacksonSerializer serializer = EventJson.serializer();

    private static String fixture() throws IOException {
        try (InputStream in = UpcastingTest.class.getResourceAsStream("/upcasting/insight-recorded-r1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private IntermediateEventRepresentation revision1(String json) {
        SerializedType type = new SimpleSerializedType(InsightRecorded.class.getName(), "1");
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Insight", "insight-r1", 0, "event-1",
                Instant.parse("2024-04-01T09:30:00Z"), type.getName(), type.getRevision(), json, "{}");
        return new InitialEventRepresentation(entry, serializer);
    }

    @Test
    void a_revision_1_insight_reads_as_revision_2_with_its_tags_as_principles_and_nothing_guessed() throws IOException {
        List<IntermediateEventRepresentation> upcast = new InsightRecordedUpcaster()
                .upcast(Stream.of(revision1(fixture()))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        InsightRecorded event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new InsightRecorded("insight-r1", "place-r1", "programme-r1",
                "Parents came when the meeting moved to the school gate", false, null, null,
                List.of("connected and heard", "power"), List.of(), null, null, LocalDate.parse("2024-03-05"),
                Instant.parse("2024-04-01T09:30:00Z"), "member-7"));
    }

    @Test
    void a_revision_2_insight_is_left_as_it_is() throws IOException {
        SerializedType type = new SimpleSerializedType(InsightRecorded.class.getName(), "2");
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Insight", "i", 0, "e", Instant.EPOCH,
                type.getName(), type.getRevision(), fixture(), "{}");
        IntermediateEventRepresentation representation = new InitialEventRepresentation(entry, serializer);

        List<IntermediateEventRepresentation> upcast = new InsightRecordedUpcaster()
                .upcast(Stream.of(representation)).toList();

        assertThat(upcast.get(0)).isSameAs(representation);
    }
}
