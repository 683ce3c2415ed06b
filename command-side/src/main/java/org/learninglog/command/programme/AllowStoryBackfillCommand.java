package org.learninglog.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Let a programme's story begin before the programme did, on {@code from}: its members may then
 * record what happened from that day on (a log kept elsewhere, years of spreadsheets).
 *
 * @param expectedVersion the programme's version the administrator saw
 * @param from            the earliest day a happening may be dated; at most the day the programme was registered
 * @param by              the administrator's member identifier
 */
public record AllowStoryBackfillCommand(@TargetAggregateIdentifier String programmeId,
                                        @TargetAggregateVersion Long expectedVersion, LocalDate from, String by) {
}
