package org.learninglog.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal for something of another programme. It is answered 404 like an unknown id, so that
 * nobody learns what exists in a programme they are not part of; within one's own programme a
 * refusal stays 403.
 */
public final class OutsideProgramme extends AccessDeniedException {

    public OutsideProgramme(String message) {
        super(message);
    }
}
