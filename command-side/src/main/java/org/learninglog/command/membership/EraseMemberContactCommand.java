package org.learninglog.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the e-mail address a member was invited at (their key is deleted); {@code by} is who does it. */
public record EraseMemberContactCommand(@TargetAggregateIdentifier String membershipId, String programmeId,
                                        String memberId, String by) {
}
