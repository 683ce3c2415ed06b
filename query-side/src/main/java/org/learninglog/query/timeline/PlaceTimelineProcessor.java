package org.learninglog.query.timeline;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The place timeline's tracking processor. */
@Component
@ProcessingGroup(PlaceTimelineProjection.NAME)
class PlaceTimelineProcessor extends ViewProcessor {

    PlaceTimelineProcessor(PlaceTimelineProjection projection, ViewGenerations generations, PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
