package org.learninglog.security.membership;

import java.util.List;

/**
 * Who belongs to a programme (or, under {@link MembershipView#INSTALLATION}, who runs the
 * installation), and what has changed, oldest first.
 */
public record Roster(String scope, List<String> memberIds, List<MembershipChange> history) {

    public Roster {
        memberIds = List.copyOf(memberIds);
        history = List.copyOf(history);
    }
}
