package org.learninglog.command.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.command.AppendsItem;
import org.learninglog.events.sharing.SharedLearningAdopted;

import java.time.LocalDate;

/**
 * A place records that it took up a shared learning: its own practice, adopted or adapted citing
 * it, is named by {@code practiceId} (and {@code adaptationId} for an adaptation).
 *
 * @param expectedVersion optional: adoptions by several places do not conflict with each other
 * @param happenedOn      the day it was taken up in the story; {@code null} for the day of recording
 */
public record AdoptSharedLearningCommand(@TargetAggregateIdentifier String sharedLearningId,
                                         @TargetAggregateVersion Long expectedVersion, String placeId,
                                         String practiceId, String adaptationId, String note, LocalDate happenedOn,
                                         String by) implements AppendsItem {

    @Override
    public boolean counts(Object event) {
        return event instanceof SharedLearningAdopted;
    }
}
