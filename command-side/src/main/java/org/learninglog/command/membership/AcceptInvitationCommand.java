package org.learninglog.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invited member accepted (their password is set by whoever sends this). */
public record AcceptInvitationCommand(@TargetAggregateIdentifier String membershipId, String programmeId,
                                      String memberId, String invitationId) {
}
