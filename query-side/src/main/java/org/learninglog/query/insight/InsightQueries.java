package org.learninglog.query.insight;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.Folds;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.view.Views;
import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/** One insight as it reads now, from the journey view's document of it. */
@Component
public class InsightQueries {

    private final Views views;
    private final PersonalValues personalValues;

    public InsightQueries(Views views, PersonalValues personalValues) {
        this.views = views;
        this.personalValues = personalValues;
    }

    /** The insight with its evidence readable, or marked removed where the person withdrew consent. */
    public InsightNow now(String insightId) {
        Document insight = views.reader(JourneyProjection.NAME).get(JourneyProjection.insightId(insightId));
        Folds.InsightReading reading = insight == null ? null : Folds.insight(insightId, insight, Folds.upTo(null));
        if (reading == null) {
            throw new NotFoundException("insightId", "No insight with this id is known (yet)");
        }
        return new InsightNow(insight.getString("programmeId"), reading.opened(personalValues));
    }
}
