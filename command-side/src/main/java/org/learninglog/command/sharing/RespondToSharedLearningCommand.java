package org.learninglog.command.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.command.AppendsItem;
import org.learninglog.events.sharing.SharedLearningRespondedTo;

/**
 * Respond to a shared learning: endorse it, ask about it, comment.
 *
 * @param placeId         the responding place; {@code null} for a response from across the programme
 * @param expectedVersion optional: responses do not conflict with each other
 */
public record RespondToSharedLearningCommand(@TargetAggregateIdentifier String sharedLearningId,
                                             @TargetAggregateVersion Long expectedVersion, String placeId,
                                             SharedLearningRespondedTo.Kind kind, String text, String by)
        implements AppendsItem {

    @Override
    public boolean counts(Object event) {
        return event instanceof SharedLearningRespondedTo;
    }
}
