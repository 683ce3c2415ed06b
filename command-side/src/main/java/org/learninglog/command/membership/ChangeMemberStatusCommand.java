package org.learninglog.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspend, reinstate or remove a member; {@code by} is who does it. */
public record ChangeMemberStatusCommand(@TargetAggregateIdentifier String membershipId, String programmeId,
                                        String memberId, Change change, String by) {

    public enum Change {
        SUSPEND, REINSTATE, REMOVE
    }
}
