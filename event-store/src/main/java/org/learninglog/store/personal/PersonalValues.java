package org.learninglog.store.personal;

import org.learninglog.events.personal.PersonalData;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.learninglog.store.personal.PersonalDataEncryption.REMOVED;

/**
 * Personal data as the read side keeps it: sealed with the person's own key, so that deleting
 * the key makes every copy in every view unreadable at once, exactly as in the events. Views never
 * hold a name or a quote in clear, and need not be rewritten when a person withdraws consent.
 *
 * <p>Unlike the events' sealing (a fresh nonce per value), a value is sealed here
 * deterministically: the nonce is derived from the person's key and the value itself (a
 * synthetic IV, as in AES-GCM-SIV), so the same event applied twice, or in a rebuild, gives the
 * same document, and two different values never share a nonce. The cost, acceptable for a view, is
 * that equal values of one person seal to equal text.
 *
 * <p>A sealed value reads {@value #PREFIX}base64(nonce ‖ ciphertext). Whatever else a view holds
 * (the marker of an erased value, or a value from before encryption) reads as it is.
 */
public final class PersonalValues {

    public static final String PREFIX = "sealed:v1:";

    private static final int NONCE_BYTES = 12;
    private static final byte[] NONCE_LABEL = "learninglog view nonce".getBytes(StandardCharsets.UTF_8);

    private final PersonalKeys keys;

    public PersonalValues(PersonalKeys keys) {
        this.keys = keys;
    }

    /** The value sealed for a view; the marker if the person's data was erased; {@code null} stays {@code null}. */
    public String seal(String personId, String value) {
        if (value == null || value.equals(REMOVED) || value.startsWith(PREFIX)) {
            return value;
        }
        SecretKey key;
        try {
            key = keys.keyFor(personId);
        } catch (PersonalKeys.PersonErased e) {
            return REMOVED;
        }
        try {
            byte[] plain = value.getBytes(StandardCharsets.UTF_8);
            byte[] nonce = Arrays.copyOf(nonceMac(key).doFinal(concat(personId, plain)), NONCE_BYTES);
            byte[] out = PersonalDataEncryption.seal(key, personId, plain, nonce);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java", e);
        }
    }

    /** The value in clear, or the marker if the person's key is gone (or the value does not open with it). */
    public String open(String personId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (personId == null) {
            return REMOVED;
        }
        Optional<SecretKey> key = keys.find(personId);
        if (key.isEmpty()) {
            return REMOVED;
        }
        try {
            return new String(PersonalDataEncryption.open(key.get(), personId,
                    Base64.getDecoder().decode(stored.substring(PREFIX.length()))), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return REMOVED;
        }
    }

    /**
     * The stored value as a rebuild would now write it: the marker if it is sealed for a person
     * whose key is gone, else as it is. Opens nothing.
     */
    public String asErased(String personId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        return keys.find(personId).isPresent() ? stored : REMOVED;
    }

    /** Every value of the personal data sealed for a view. */
    public PersonalData seal(PersonalData data) {
        if (data == null) {
            return null;
        }
        return new PersonalData(data.personId(), seal(data.personId(), data.name()), seal(data.personId(), data.quote()),
                seal(data.personId(), data.contact()));
    }

    /**
     * The event as a projection may see it: each {@link PersonalData} component of a record sealed
     * for views. Events without personal data are returned as they are (the same object).
     */
    public Object sealedForViews(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return payload;
        }
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (Arrays.stream(components).noneMatch(component -> component.getType() == PersonalData.class)) {
            return payload;
        }
        try {
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(payload);
                if (types[i] == PersonalData.class) {
                    values[i] = seal((PersonalData) values[i]);
                }
            }
            Constructor<?> canonical = payload.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new IllegalStateException("Cannot seal the personal data of a " + payload.getClass().getSimpleName(), cause);
        }
    }

    private static Mac nonceMac(SecretKey key) throws GeneralSecurityException {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
        byte[] nonceKey = derive.doFinal(NONCE_LABEL); // a key of its own for nonces, not the encryption key itself
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(nonceKey, "HmacSHA256"));
        return mac;
    }

    private static byte[] concat(String personId, byte[] plain) {
        byte[] id = personId.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[id.length + 1 + plain.length];
        System.arraycopy(id, 0, all, 0, id.length);
        System.arraycopy(plain, 0, all, id.length + 1, plain.length);
        return all;
    }
}
