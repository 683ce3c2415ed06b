package org.learninglog.events.practice;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place stopped a practice. Nothing more can be adapted or reviewed on it.
 *
 * @param practiceId  the practice
 * @param placeId     its place
 * @param programmeId its programme
 * @param why         why it stopped
 * @param insightIds  the insights behind the decision; empty if none
 * @param occurredOn  the day it stopped; may lie before {@code recordedAt}
 * @param recordedAt  when it was recorded
 * @param recordedBy  who recorded it: a member identifier
 */
@Revision("1")
public record PracticeRetired(String practiceId, String placeId, String programmeId, String why,
                              List<String> insightIds, LocalDate occurredOn, Instant recordedAt, String recordedBy) {

    public PracticeRetired {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
    }
}
