package org.learninglog.security.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How request bodies are read (and only they), set well below Jackson's defaults (which allow strings of 20
 * million characters and 1,000 levels of nesting) to what our payloads need:
 * <ul>
 *     <li>nesting, string, name, number and document lengths are capped, so a crafted body costs
 *     little to refuse;</li>
 *     <li>an unknown field is an error, so keys such as {@code $where} or {@code a.b} are refused
 *     by name and never reach a MongoDB query or document;</li>
 *     <li>Unicode bidirectional controls, which can make a name read differently from what it is,
 *     are refused in every string.</li>
 * </ul>
 */
public final class HostileJson implements WebMvcConfigurer {

    public static final int MAX_NESTING_DEPTH = 16;
    public static final int MAX_STRING_LENGTH = 20_000;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_NUMBER_LENGTH = 40;

    /** LRM, RLM, ALM, the embeddings and overrides, and the isolates. */
    static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");

    private final long maxDocumentBytes;

    public HostileJson(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * Only the JSON that comes over HTTP is read this strictly: the application's own ObjectMapper
     * (views, stored answers, anything internal) keeps Jackson's limits, as what it reads is ours.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(harden(json.getObjectMapper().copy()));
            }
        }
    }

    private ObjectMapper harden(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.registerModule(new SimpleModule("learninglog-hostile-input")
                .addDeserializer(String.class, new BidiRefusingStrings()));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxDocumentLength(maxDocumentBytes)
                .build());
        return mapper;
    }

    /** Jackson's own string reading, then a refusal of bidirectional controls naming the field. */
    static final class BidiRefusingStrings extends StdScalarDeserializer<String> {

        BidiRefusingStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && BIDI_CONTROLS.matcher(value).find()) {
                throw InvalidFormatException.from(parser, "contains Unicode bidirectional control characters", value,
                        String.class);
            }
            return value;
        }
    }
}
