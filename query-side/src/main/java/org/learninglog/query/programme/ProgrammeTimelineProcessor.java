package org.learninglog.query.programme;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The programme timeline's tracking processor. */
@Component
@ProcessingGroup(ProgrammeTimelineProjection.NAME)
class ProgrammeTimelineProcessor extends ViewProcessor {

    ProgrammeTimelineProcessor(ProgrammeTimelineProjection projection, ViewGenerations generations, PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
