package org.learninglog.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * The member behind the current request. The actor on every event comes from here, never from a
 * request body.
 */
public final class CurrentMember {

    private CurrentMember() {
    }

    public static Member get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is signed in"));
    }

    /** The member behind the current request, if one is signed in. */
    public static Optional<Member> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal) {
            return Optional.of(principal.member());
        }
        if (authentication instanceof MemberPrincipal principal) {
            return Optional.of(principal.member());
        }
        return Optional.empty();
    }
}
