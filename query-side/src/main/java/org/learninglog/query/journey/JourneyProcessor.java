package org.learninglog.query.journey;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The journey view's tracking processor. */
@Component
@ProcessingGroup(JourneyProjection.NAME)
class JourneyProcessor extends ViewProcessor {

    JourneyProcessor(JourneyProjection projection, ViewGenerations generations, PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
