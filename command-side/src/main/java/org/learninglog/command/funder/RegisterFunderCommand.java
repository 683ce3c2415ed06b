package org.learninglog.command.funder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register one of a programme's funders; {@code by} is the administrator's member identifier. */
public record RegisterFunderCommand(@TargetAggregateIdentifier String funderId, String programmeId, String name,
                                    String by) {
}
