package org.learninglog.store.personal;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * One secret key per person, for their personal data inside events. Deleting a person's key makes
 * every copy of their data in the event store unreadable at once ("crypto-shredding"), while the
 * events themselves stay as they were and their hashes still verify.
 */
public interface PersonalKeys {

    /** The person's key, created on first use; refused once their data was erased. */
    SecretKey keyFor(String personId);

    /** The person's key, if they have one and it was not erased. */
    Optional<SecretKey> find(String personId);

    /** Deletes the person's key for good; returns whether there was one. */
    boolean erase(String personId);

    /** Whether the person's key was erased. */
    boolean isErased(String personId);

    /** A person whose key is gone cannot be given personal data again under the same identifier. */
    final class PersonErased extends IllegalStateException {
        public PersonErased(String personId) {
            super("The personal data of person " + personId + " was erased at their request");
        }
    }
}
