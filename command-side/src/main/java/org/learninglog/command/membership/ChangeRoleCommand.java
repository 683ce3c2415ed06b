package org.learninglog.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.learninglog.events.membership.Grant;

/** Grant a role to a member, or revoke one ({@code granted} false); {@code by} is who does it. */
public record ChangeRoleCommand(@TargetAggregateIdentifier String membershipId, String programmeId, String memberId,
                                Grant grant, boolean granted, String by) {
}
