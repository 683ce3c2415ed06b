package org.learninglog.store.config;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCachingJacksonSerializerTest {

    record Noticed(String placeId, String text) {
    }

    record Tagged(String placeId, List<String> principles) {
    }

    private final Serializer serializer = EventJson.serializer();

    @Test
    void writesWhatAxonsOwnBuilderWouldWriteTypeInformationIncluded() {
        Serializer axons = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).defaultTyping().build();
        Tagged event = new Tagged("riverside", List.of("power", "connected and heard"));

        String ours = serializer.serialize(event, String.class).getData();

        assertThat(ours).isEqualTo(axons.serialize(event, String.class).getData());
        assertThat(ours).contains("java.util.ImmutableCollections"); // default typing names the list's class
        assertThat((Tagged) serializer.deserialize(axons.serialize(event, String.class))).isEqualTo(event);
    }

    @Test
    void eventsReadBackTheSameWhenTheirClassIsAskedForAgainAndAgain() {
        SerializedObject<String> stored = serializer.serialize(new Noticed("riverside", "Fewer came in winter"), String.class);

        for (int read = 0; read < 3; read++) {
            assertThat(serializer.classForType(stored.getType())).isEqualTo(Noticed.class);
            Noticed back = serializer.deserialize(stored);
            assertThat(back).isEqualTo(new Noticed("riverside", "Fewer came in winter"));
        }
    }

    @Test
    void aTypeNameNoClassAnswersToStaysUnknownAndIsNotMistakenForAnother() {
        SimpleSerializedType gone = new SimpleSerializedType("org.learninglog.events.RetiredLongAgo", null);
        SerializedObject<String> stored = new SimpleSerializedObject<>("{\"text\":\"kept\"}", String.class, gone);

        for (int read = 0; read < 2; read++) {
            assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
            Object back = serializer.deserialize(stored);
            assertThat(back).isInstanceOf(UnknownSerializedType.class);
        }
        SerializedObject<String> known = serializer.serialize(new Noticed("hillcrest", "More came"), String.class);
        assertThat(serializer.classForType(known.getType())).isEqualTo(Noticed.class);
    }
}
