package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.ViewReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** VersionHistories practice documents to an instant. */
final class PracticesAsOf {

    private PracticesAsOf() {
    }

    static List<PlaceJourney.PracticeNow> practicesOf(ViewReader reader, Document place, Instant asOf) {
        Predicate<Document> moment = VersionHistories.upTo(asOf);
        List<String> ids = VersionHistories.stamped(place, "practices", moment).stream().map(p -> JourneyProjection.practiceId(p.getString("practiceId"))).toList();
        List<PlaceJourney.PracticeNow> practices = new ArrayList<>();
        for (Document practice : reader.getAll(ids)) {
            List<Document> versions = VersionHistories.versions(practice, moment);
            if (versions.isEmpty()) {
                continue;
            }
            String description = null;
            String status = "active";
            for (Document version : versions) {
                if ("retired".equals(version.getString("kind"))) {
                    status = "retired";
                } else {
                    description = version.getString("text");
                }
            }
            practices.add(new PlaceJourney.PracticeNow(practice.getString("_id").substring("practice:".length()),
                    practice.getString("name"), description, status, versions.size(),
                    DocumentFields.instant(versions.get(versions.size() - 1), "at")));
        }
        return practices;
    }
}
