package org.learninglog.store.config;


import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;
import org.learninglog.store.personal.PersonalDataEncryption;
import org.learninglog.store.personal.PersonalKeys;

/** The one Jackson setup for everything Axon stores: events, snapshots, messages and tokens. */
public final class EventJson {

    private EventJson() {
    }

    /** The mapper for events that hold personal data: each value encrypted with its person's key. */
    public static ObjectMapper objectMapper(PersonalKeys keys) {
        ObjectMapper mapper = objectMapper();
        mapper.registerModule(new PersonalDataEncryption(keys));
        return mapper;
    }

    public static JacksonSerializer serializer(PersonalKeys keys) {
        return serializerOn(objectMapper(keys));
    }

    public static ObjectMapper objectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A newer revision may add fields; older readers ignore them rather than fail.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        // Our events are small: refuse what no event of ours can be.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
        return mapper;
    }

    public static JacksonSerializer serializer() {
        return serializerOn(objectMapper());
    }

    /**
     * Axon's serializer as {@code JacksonSerializer.builder().objectMapper(mapper).defaultTyping().build()}
     * makes it, but remembering classes ({@link TypeCachingJacksonSerializer}). The builder's
     * {@code build()} turns default typing on, and a subclass is made without it, so it is done
     * here, exactly as Axon does: every stored event depends on it.
     */
    @SuppressWarnings("deprecation")
    private static JacksonSerializer serializerOn(ObjectMapper mapper) {
        mapper.enableDefaultTyping(ObjectMapper.DefaultTyping.NON_CONCRETE_AND_ARRAYS);
        return new TypeCachingJacksonSerializer(JacksonSerializer.builder().objectMapper(mapper));
    }
}
