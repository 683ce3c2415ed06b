package org.learninglog.security.membership;

import org.learninglog.security.Role;

/**
 * A role as the membership view keeps it.
 *
 * @param role    the role
 * @param placeId its place, for a place member only
 */
public record GrantedRole(Role role, String placeId) implements java.io.Serializable {

    public static GrantedRole of(Role role) {
        return new GrantedRole(role, null);
    }
}
