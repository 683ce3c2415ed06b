package org.learninglog.command.practice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.command.AppendsItem;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.AdaptationOutcomeReviewed.Outcome;

import java.time.LocalDate;
import java.util.List;

/** Say what came of one adaptation of a practice. */
public record ReviewAdaptationOutcomeCommand(@TargetAggregateIdentifier String practiceId,
                                             @TargetAggregateVersion Long expectedVersion, String adaptationId,
                                             Outcome outcome, String notes, List<String> insightIds,
                                             LocalDate happenedOn, String by) implements AppendsItem {

    /** Reviews are numbered per adaptation. */
    @Override
    public boolean counts(Object event) {
        return event instanceof AdaptationOutcomeReviewed reviewed && reviewed.adaptationId().equals(adaptationId);
    }
}
