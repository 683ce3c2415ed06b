package org.learninglog.command.web;

import org.springframework.http.MediaType;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON merge patch (RFC 7396) as a request body: a field left out keeps its value, a field sent
 * as {@code null} clears it, any other value replaces it (a list as a whole). Jackson calls a
 * subclass's setter only for the fields the body holds, {@code null} ones included, so each
 * setter {@link #sent marks} its field and the patch tells "left out" from "cleared".
 */
public abstract class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";
    public static final MediaType MEDIA = MediaType.parseMediaType(MEDIA_TYPE);

    private final Set<String> sent = new HashSet<>();
    private final Set<String> cleared = new HashSet<>();

    /** Called by each setter: the body holds this field, with this value. */
    protected final void sent(String field, Object value) {
        sent.add(field);
        if (value == null) {
            cleared.add(field);
        }
    }

    /**
     * The change to one field: {@code null} to keep it, an empty optional to clear it, the new value
     * otherwise.
     */
    @SuppressWarnings("OptionalAssignedToNull")
    protected final <T> Optional<T> change(String field, T value) {
        return sent.contains(field) ? Optional.ofNullable(value) : null;
    }

    /** Fields a record cannot be without may be left out (kept) but not cleared. */
    public final void refuseClearing(String... required) {
        for (String field : required) {
            if (cleared.contains(field)) {
                throw new RequiredValue(field);
            }
        }
    }

    /** A merge patch sent {@code null} for a field that must keep a value (400). */
    public static class RequiredValue extends RuntimeException {

        private final String field;

        RequiredValue(String field) {
            super("cannot be cleared: leave it out to keep its value, or send a new one");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
