package org.learninglog.security;

import java.util.Set;

/**
 * The signed-in person as the system sees them: an identifier (never a name, so it may appear on
 * events and in logs), their programme, their roles there and the places they belong to.
 *
 * @param id          a stable identifier: the token's subject, or the local account's user name
 * @param programmeId the one programme they work in; {@code null} for an operator
 * @param roles       what they may do there
 * @param placeIds    the places they are a member of (writes are limited to these)
 */
public record Member(String id, String programmeId, Set<Role> roles, Set<String> placeIds) implements java.io.Serializable {

    public Member {
        roles = Set.copyOf(roles);
        placeIds = Set.copyOf(placeIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return has(Role.OPERATOR);
    }

    /** Whether they belong to this programme at all (an operator belongs to every one). */
    public boolean belongsTo(String programme) {
        return isOperator() || (programmeId != null && programmeId.equals(programme));
    }
}
