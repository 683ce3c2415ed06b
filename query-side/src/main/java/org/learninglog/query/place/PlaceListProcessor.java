package org.learninglog.query.place;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The place list's tracking processor. */
@Component
@ProcessingGroup(PlaceListProjection.NAME)
class PlaceListProcessor extends ViewProcessor {

    PlaceListProcessor(PlaceListProjection projection, ViewGenerations generations, PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
