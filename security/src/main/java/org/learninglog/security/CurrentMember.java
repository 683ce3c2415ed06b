package org.learninglog.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The member behind the current request. The actor on every event comes from here, never from a
 * request body.
 */
public final class CurrentMember {

    private CurrentMember() {
    }

    public static Member get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal) {
            return principal.member();
        }
        if (authentication instanceof MemberPrincipal principal) {
            return principal.member();
        }
        throw new AuthenticationCredentialsNotFoundException("Nobody is signed in");
    }
}
