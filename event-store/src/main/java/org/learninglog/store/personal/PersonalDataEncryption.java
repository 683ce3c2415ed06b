package org.learninglog.store.personal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.learninglog.events.personal.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts {@link PersonalData} wherever an event holds it, with its person's key: AES-GCM
 * (authenticated), a fresh 96-bit nonce for every value, the person's identifier as associated
 * data (so a value cannot be moved to another person). Stored as
 * {@code {"personId": …, "fields": ["name", "quote"], "sealed": base64(nonce ‖ ciphertext)}}:
 * which fields were given is not personal, their values are.
 *
 * <p>Reading a value whose key was deleted yields the person's identifier and, in each field that
 * held something, {@link #REMOVED}: every view, export and rebuild shows the same marker, and no
 * plaintext of that person remains. Values stored before encryption was on are read as they are.
 */
public final class PersonalDataEncryption extends SimpleModule {

    /** What a view shows in place of personal data whose person asked for it to be removed. */
    public static final String REMOVED = "(removed at the person's request)";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataEncryption.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper PLAIN = new ObjectMapper();

    public PersonalDataEncryption(PersonalKeys keys) {
        super("learninglog-personal-data-encryption");
        addSerializer(PersonalData.class, new Sealing(keys));
        addDeserializer(PersonalData.class, new Opening(keys));
    }

    private record Fields(String name, String quote, String contact) {
    }

    private static final class Sealing extends JsonSerializer<PersonalData> {
        private final PersonalKeys keys;

        Sealing(PersonalKeys keys) {
            this.keys = keys;
        }

        @Override
        public void serialize(PersonalData data, JsonGenerator json, SerializerProvider provider) throws IOException {
            List<String> given = new ArrayList<>();
            if (data.name() != null) {
                given.add("name");
            }
            if (data.quote() != null) {
                given.add("quote");
            }
            if (data.contact() != null) {
                given.add("contact");
            }
            byte[] plain = PLAIN.writeValueAsBytes(new Fields(data.name(), data.quote(), data.contact()));
            json.writeStartObject();
            json.writeStringField("personId", data.personId());
            json.writeArrayFieldStart("fields");
            for (String field : given) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeStringField("sealed", Base64.getEncoder().encodeToString(seal(keys.keyFor(data.personId()), data.personId(), plain)));
            json.writeEndObject();
        }
    }

    private static final class Opening extends JsonDeserializer<PersonalData> {
        private final PersonalKeys keys;

        Opening(PersonalKeys keys) {
            this.keys = keys;
        }

        @Override
        public PersonalData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            String personId = text(node, "personId");
            if (!node.has("sealed")) {
                return new PersonalData(personId, text(node, "name"), text(node, "quote"), text(node, "contact"));
            }
            Optional<SecretKey> key = keys.find(personId);
            if (key.isPresent()) {
                try {
                    byte[] plain = open(key.get(), personId, Base64.getDecoder().decode(node.get("sealed").asText()));
                    Fields fields = PLAIN.readValue(plain, Fields.class);
                    return new PersonalData(personId, fields.name(), fields.quote(), fields.contact());
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    log.warn("The personal data of person {} does not decrypt with their key; shown as removed", personId);
                }
            }
            List<String> given = new ArrayList<>();
            node.path("fields").forEach(field -> given.add(field.asText()));
            return new PersonalData(personId, given.contains("name") ? REMOVED : null, given.contains("quote") ? REMOVED : null,
                    given.contains("contact") ? REMOVED : null);
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    static byte[] seal(SecretKey key, String personId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return seal(key, personId, plain, nonce);
    }

    /** AES-GCM with the person's id as associated data; the nonce goes first in what is returned. */
    static byte[] seal(SecretKey key, String personId, byte[] plain, byte[] nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java", e);
        }
    }

    static byte[] open(SecretKey key, String personId, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short to be sealed personal data");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

}
