package org.learninglog.query.search;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The search index's tracking processor. */
@Component
@ProcessingGroup(SearchProjection.NAME)
class SearchProcessor extends ViewProcessor {

    SearchProcessor(SearchProjection projection, ViewGenerations generations, PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
