package org.learninglog.query.activity;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The learning activities view's tracking processor. */
@Component
@ProcessingGroup(LearningActivityProjection.NAME)
class LearningActivityProcessor extends ViewProcessor {

    LearningActivityProcessor(LearningActivityProjection projection, ViewGenerations generations,
                              PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
