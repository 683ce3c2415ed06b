package org.learninglog.command.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.learninglog.events.sharing.LearningShared;

import java.time.LocalDate;
import java.util.List;

/**
 * Pass a learning to an audience.
 *
 * @param placeId    the sharing place; {@code null} when a learning partner or funder shares across the programme
 * @param happenedOn the day it was shared in the story; {@code null} for the day of recording
 */
public record ShareLearningCommand(@TargetAggregateIdentifier String sharedLearningId, String programmeId,
                                   String placeId, String title, String summary, LearningShared.Audience audience,
                                   List<String> insightIds, List<LearningShared.AdaptationRef> adaptations,
                                   LocalDate happenedOn, String by) {
}
