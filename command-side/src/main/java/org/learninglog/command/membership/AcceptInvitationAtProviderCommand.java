package org.learninglog.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invited member accepted signed in at the OpenID Connect provider: their subject there becomes them here. */
public record AcceptInvitationAtProviderCommand(@TargetAggregateIdentifier String membershipId, String programmeId,
                                                String memberId, String invitationId, String issuer, String subject) {
}
