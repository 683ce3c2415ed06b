package org.learninglog.query.journey;

import org.learninglog.query.view.Page;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.view.EvidenceOpener;

import java.time.Instant;
import java.util.List;

/**
 * A place's change journey: its timeline (filtered, paged) and its practices now, each with how
 * many versions it has had. With {@code asOf}, both as the record stood at that instant.
 */
public record PlaceJourney(String placeId, String programmeId, String name, Instant asOf, Page<TimelineLine> timeline,
                           List<PracticeNow> practices) {

    /** The journey with the evidence of its timeline opened. */
    public PlaceJourney opened(EvidenceOpener opener) {
        return new PlaceJourney(placeId, programmeId, name, asOf, timeline.map(opener::open), practices);
    }

    /** A practice of the place as it is (or was, as of), with its number of versions. */
    public record PracticeNow(String practiceId, String name, String description, String status, int versions,
                              Instant lastChangedAt) {
    }
}
