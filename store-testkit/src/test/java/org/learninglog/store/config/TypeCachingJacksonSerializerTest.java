package org.learninglog.store.config;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCachingJacksonSerializerTest {

    record Noticed(String placeId, String text) {
    }

    private final Serializer serializer = EventJson.serializer();

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
