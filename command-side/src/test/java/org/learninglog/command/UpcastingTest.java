package org.learninglog.command;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.sensemaking.SensemakingHeld;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.upcasting.Upcasters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old revisions of events, as the code of their revision wrote them (each fixture under
 * {@code upcasting/} was serialized by that code), read back through the store's whole upcaster
 * chain as the current revision. The story-dated events without a day of their own read with the
 * day of their {@code recordedAt} in UTC: the fixtures are recorded at 23:30 UTC, already the next
 * day east of UTC, so a zone other than UTC would show.
 */
class UpcastingTest {

    private static final Instant RECORDED_AT = Instant.parse("2024-04-01T23:30:00Z");
    private static final LocalDate DAY_OF_RECORDING = LocalDate.parse("2024-04-01");

    private final JacksonSerializer serializer = EventJson.serializer();

    private static String fixture(String name) throws IOException {
        try (InputStream in = UpcastingTest.class.getResourceAsStream("/upcasting/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** The fixture read through the upcaster chain as the current revision of {@code type}. */
    private <T> T read(Class<T> type, String revision, String fixture, Instant timestamp) throws IOException {
        SerializedType serialized = new SimpleSerializedType(type.getName(), revision);
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Aggregate", "aggregate-1", 0, "event-1",
                timestamp, serialized.getName(), serialized.getRevision(), fixture(fixture), "{}");
        List<IntermediateEventRepresentation> upcast = Upcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(type.getAnnotation(Revision.class).value());
        return serializer.deserialize(upcast.get(0).getData());
    }

    private <T> T read(Class<T> type, String revision, String fixture) throws IOException {
        return read(type, revision, fixture, RECORDED_AT);
    }

    @Test
    void a_revision_1_insight_reads_with_its_tags_as_principles_nothing_guessed_and_its_own_day() throws IOException {
        InsightRecorded event = read(InsightRecorded.class, "1", "insight-recorded-r1.json",
                Instant.parse("2024-04-01T09:30:00Z"));

        assertThat(event).isEqualTo(new InsightRecorded("insight-r1", "place-r1", "programme-r1",
                "Parents came when the meeting moved to the school gate", false, null, null,
                List.of("connected and heard", "power"), List.of(), null, null, LocalDate.parse("2024-03-05"),
                Instant.parse("2024-04-01T09:30:00Z"), "member-7"));
    }

    @Test
    void a_revision_2_insight_with_a_day_keeps_it() throws IOException {
        InsightRecorded event = read(InsightRecorded.class, "2", "insight-recorded-with-day-r2.json");

        assertThat(event.happenedOn()).isEqualTo(LocalDate.parse("2024-03-05"));
        assertThat(event.principles()).containsExactly("connected and heard");
    }

    @Test
    void a_revision_2_insight_without_a_day_happened_on_the_day_it_was_recorded() throws IOException {
        InsightRecorded event = read(InsightRecorded.class, "2", "insight-recorded-without-day-r2.json");

        assertThat(event).isEqualTo(new InsightRecorded("insight-1", "place-1", "programme-1",
                "Parents came when the meeting moved to the school gate", true, Layer.INDIVIDUALS, Sphere.COMMUNITY,
                List.of("connected and heard"), List.of("venues"), "workshop", null, DAY_OF_RECORDING, RECORDED_AT,
                "member-7"));
    }

    @Test
    void a_revision_and_a_retraction_of_revision_1_happened_on_the_day_they_were_recorded() throws IOException {
        assertThat(read(InsightRevised.class, "1", "insight-revised-r1.json")).isEqualTo(new InsightRevised("insight-1",
                "place-1", "programme-1", "Parents came to the school gate", Layer.INDIVIDUALS, Sphere.COMMUNITY,
                List.of("connected and heard"), List.of("venues"), "workshop", "clearer wording", DAY_OF_RECORDING,
                RECORDED_AT, "member-7"));
        assertThat(read(InsightRetracted.class, "1", "insight-retracted-r1.json")).isEqualTo(new InsightRetracted(
                "insight-1", "place-1", "programme-1", "it was one evening only", DAY_OF_RECORDING, RECORDED_AT,
                "member-7"));
    }

    @Test
    void practices_of_revision_1_keep_their_day_under_its_new_name_or_get_the_day_of_recording() throws IOException {
        assertThat(read(PracticeAdopted.class, "1", "practice-adopted-r1.json")).isEqualTo(new PracticeAdopted(
                "practice-1", "place-1", "programme-1", "Meetings at the gate", "We meet parents at the school gate",
                "parents came", List.of("insight-1"), List.of(), List.of("person-1"), "residents' assembly",
                LocalDate.parse("2024-03-10"), RECORDED_AT, "member-7"));
        // Stored with occurredOn null: no day was said, so it is the day of recording.
        assertThat(read(PracticeAdapted.class, "1", "practice-adapted-r1.json")).isEqualTo(new PracticeAdapted(
                "practice-1", "adaptation-1", "place-1", "programme-1", "We meet parents at the school gate",
                "We meet parents at the gate and in the library", "winter", List.of("insight-1"), List.of("shared-1"),
                List.of("person-1"), "partnership board", DAY_OF_RECORDING, RECORDED_AT, "member-7"));
        assertThat(read(PracticeRetired.class, "1", "practice-retired-r1.json").happenedOn())
                .isEqualTo(LocalDate.parse("2024-03-20"));
        assertThat(read(AdaptationOutcomeReviewed.class, "1", "adaptation-outcome-reviewed-r1.json")).isEqualTo(
                new AdaptationOutcomeReviewed("practice-1", "adaptation-1", "place-1", "programme-1",
                        AdaptationOutcomeReviewed.Outcome.WORKING, "more parents came", List.of("insight-1"),
                        LocalDate.parse("2024-03-25"), RECORDED_AT, "member-7"));
    }

    @Test
    void a_sensemaking_session_of_revision_1_keeps_the_day_it_was_held() throws IOException {
        assertThat(read(SensemakingHeld.class, "1", "sensemaking-held-r1.json")).isEqualTo(new SensemakingHeld(
                "session-1", "programme-1", "Venues", List.of("person-1"), List.of("place-1"), List.of("insight-1"),
                "venue matters", LocalDate.parse("2024-03-28"), RECORDED_AT, "member-9"));
    }

    @Test
    void sharing_adoption_and_responses_of_revision_1_happened_on_the_day_they_were_recorded() throws IOException {
        assertThat(read(LearningShared.class, "1", "learning-shared-r1.json")).isEqualTo(new LearningShared("shared-1",
                "programme-1", "place-1", "Meet where people are", "Parents came when we met at the gate",
                new LearningShared.Audience(true, List.of("place-2"), List.of("funder-1")), List.of("insight-1"),
                List.of(new LearningShared.AdaptationRef("practice-1", "adaptation-1")), DAY_OF_RECORDING,
                RECORDED_AT, "member-7"));
        assertThat(read(SharedLearningAdopted.class, "1", "shared-learning-adopted-r1.json")).isEqualTo(
                new SharedLearningAdopted("shared-1", "programme-1", "place-2", "practice-2", "adaptation-2",
                        "we tried it at the library", DAY_OF_RECORDING, RECORDED_AT, "member-8"));
        assertThat(read(SharedLearningRespondedTo.class, "1", "shared-learning-responded-to-r1.json")).isEqualTo(
                new SharedLearningRespondedTo("shared-1", "programme-1", null, SharedLearningRespondedTo.Kind.QUESTION,
                        "did it last through winter?", DAY_OF_RECORDING, RECORDED_AT, "member-9"));
    }

    @Test
    void an_event_of_the_current_revision_is_left_as_it_is() throws IOException {
        SerializedType type = new SimpleSerializedType(InsightRetracted.class.getName(), "2");
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Insight", "i", 0, "e", Instant.EPOCH,
                type.getName(), type.getRevision(), fixture("insight-retracted-r1.json"), "{}");
        IntermediateEventRepresentation representation = new InitialEventRepresentation(entry, serializer);

        List<IntermediateEventRepresentation> upcast = Upcasters.chain().upcast(Stream.of(representation)).toList();

        assertThat(upcast.get(0)).isSameAs(representation);
    }
}
