package org.learninglog.security.membership;

import org.learninglog.security.Role;

import java.time.Instant;

/**
 * One line of a programme's membership history, as the members page shows it and the audit folds it.
 *
 * @param eventId  the event it was kept from (so that a line is never kept twice)
 * @param at       when it was recorded
 * @param memberId whom it was about
 * @param kind     what happened
 * @param role     the role granted or revoked, or the roles invited with
 * @param placeId  the role's place, for a place member
 * @param by       who did it
 */
public record MembershipChange(String eventId, Instant at, String memberId, Kind kind, Role role, String placeId,
                               String by) {

    public enum Kind {
        INVITED, ACCEPTED, GRANTED, REVOKED, SUSPENDED, REINSTATED, REMOVED, PASSWORD_RESET
    }
}
