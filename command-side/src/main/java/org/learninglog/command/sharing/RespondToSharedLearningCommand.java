package org.learninglog.command.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.command.AppendsItem;
import org.learninglog.events.sharing.SharedLearningRespondedTo;

import java.time.LocalDate;

/**
 * Respond to a shared learning: endorse it, ask about it, comment.
 *
 * @param placeId         the responding place; {@code null} for a response from across the programme
 * @param expectedVersion optional: responses do not conflict with each other
 * @param happenedOn      the day of the response in the story; {@code null} for the day of recording
 */
public record RespondToSharedLearningCommand(@TargetAggregateIdentifier String sharedLearningId,
                                             @TargetAggregateVersion Long expectedVersion, String placeId,
                                             SharedLearningRespondedTo.Kind kind, String text, LocalDate happenedOn,
                                             String by) implements AppendsItem {

    @Override
    public boolean counts(Object event) {
        return event instanceof SharedLearningRespondedTo;
    }
}
