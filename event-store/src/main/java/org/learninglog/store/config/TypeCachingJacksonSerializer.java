package org.learninglog.store.config;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering which class each stored type name stands for.
 *
 * <p>Axon asks for the class of an event three times per event read (twice to describe it, once
 * to deserialize it), and Jackson answers each time with {@link Class#forName}: during a replay
 * that was about a tenth of the processor thread's time. The classes of a running process do not
 * change, so a map answers instead; names that resolve to no class are left to Axon as before.
 */
final class TypeCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    TypeCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }
}
