package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.ViewReader;

import java.time.Instant;
import java.util.List;

/** Folds practice documents to an instant. */
final class PracticeFolds {

    private PracticeFolds() {
    }

    static List<PlaceJourney.PracticeNow> practicesOf(ViewReader reader, Document place, Instant asOf) {
        return List.of(); // filled in once practices are recorded
    }
}
