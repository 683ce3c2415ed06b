package org.learninglog.query.insight;

import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.VersionHistories;
import org.learninglog.query.journey.InsightDocument;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.EvidenceOpener;
import org.springframework.stereotype.Component;

/** One insight as it reads now, from the journey view's document of it. */
@Component
public class InsightQueries {

    private final LiveViews views;
    private final EvidenceOpener evidence;

    public InsightQueries(LiveViews views, EvidenceOpener evidence) {
        this.views = views;
        this.evidence = evidence;
    }

    /** The insight with its evidence readable, or marked removed where the person withdrew consent. */
    public InsightNow now(String insightId) {
        InsightDocument insight = InsightDocument.of(views.reader(JourneyProjection.NAME).get(JourneyProjection.insightId(insightId)));
        VersionHistories.InsightReading reading = VersionHistories.insight(insightId, insight, VersionHistories.upTo(null));
        if (reading == null) {
            throw new NotFoundException("insightId", "No insight with this id is known (yet)");
        }
        return new InsightNow(insight.programmeId(), reading.opened(evidence));
    }
}
