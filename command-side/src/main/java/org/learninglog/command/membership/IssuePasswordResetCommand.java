package org.learninglog.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Give an active member a new single-use link to set a new password. */
public record IssuePasswordResetCommand(@TargetAggregateIdentifier String membershipId, String programmeId,
                                        String memberId, String invitationId, Instant expiresAt, String by) {
}
