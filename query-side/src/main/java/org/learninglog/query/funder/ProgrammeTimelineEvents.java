package org.learninglog.query.funder;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ProjectionEvents;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The programme timeline's tracking processor. */
@Component
@ProcessingGroup(ProgrammeTimelineProjection.NAME)
class ProgrammeTimelineEvents extends ProjectionEvents {

    ProgrammeTimelineEvents(ProgrammeTimelineProjection projection, ViewGenerations generations, PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
