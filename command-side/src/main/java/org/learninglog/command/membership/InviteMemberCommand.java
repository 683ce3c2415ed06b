package org.learninglog.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.learninglog.events.membership.Grant;

import java.time.Instant;
import java.util.List;

/**
 * Invite somebody to a programme (or, with no programme, to run the installation). The e-mail
 * address is optional and personal data; {@code by} is the inviting member.
 */
public record InviteMemberCommand(@TargetAggregateIdentifier String membershipId, String programmeId, String memberId,
                                  String invitationId, String email, List<Grant> grants, Instant expiresAt, String by) {

    @Override
    public String toString() {
        return "InviteMemberCommand[" + programmeId + ", " + memberId + ", " + grants + "]";
    }
}
