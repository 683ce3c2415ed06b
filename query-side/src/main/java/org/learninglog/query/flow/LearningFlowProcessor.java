package org.learninglog.query.flow;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The learning flow's tracking processor. */
@Component
@ProcessingGroup(LearningFlowProjection.NAME)
class LearningFlowProcessor extends ViewProcessor {

    LearningFlowProcessor(LearningFlowProjection projection, ViewGenerations generations, PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
