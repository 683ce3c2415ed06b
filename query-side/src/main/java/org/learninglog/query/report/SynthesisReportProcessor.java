package org.learninglog.query.report;

import org.axonframework.config.ProcessingGroup;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** The synthesis report view's tracking processor. */
@Component
@ProcessingGroup(SynthesisReportProjection.NAME)
class SynthesisReportProcessor extends ViewProcessor {

    SynthesisReportProcessor(SynthesisReportProjection projection, ViewGenerations generations,
                             PersonalValues personalValues) {
        super(projection, generations, personalValues);
    }
}
