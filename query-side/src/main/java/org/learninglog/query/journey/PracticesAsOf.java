package org.learninglog.query.journey;

import org.learninglog.query.view.ViewReader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Folds a place's practices to an instant of the record and, when given, to a day of the story:
 * then each practice reads as its versions that had happened by that day left it, in the order of
 * their days (a late-recorded change dated earlier comes before a later one).
 */
final class PracticesAsOf {

    private PracticesAsOf() {
    }

    static List<PlaceJourney.PracticeNow> practicesOf(ViewReader reader, PlaceDocument place, Instant asOf, LocalDate on) {
        Predicate<Stamped> moment = VersionHistories.upTo(asOf);
        List<String> ids = VersionHistories.at(place.practices(), moment).stream()
                .map(practice -> JourneyProjection.practiceId(practice.practiceId())).toList();
        List<PlaceJourney.PracticeNow> practices = new ArrayList<>();
        for (PracticeDocument practice : reader.getAll(ids).stream().map(PracticeDocument::of).toList()) {
            List<PracticeDocument.Version> versions = VersionHistories.at(practice.versions(), moment).stream()
                    .filter(VersionHistories.happenedBy(on)).toList();
            if (on != null) {
                versions = versions.stream().sorted(Comparator.comparing(VersionHistories::storyDay)
                        .thenComparingLong(PracticeDocument.Version::position)).toList();
            }
            if (versions.isEmpty()) {
                continue;
            }
            String description = null;
            String status = "active";
            for (PracticeDocument.Version version : versions) {
                if (PracticeDocument.Version.RETIRED.equals(version.kind())) {
                    status = "retired";
                } else {
                    description = version.text();
                }
            }
            practices.add(new PlaceJourney.PracticeNow(practice.practiceId(), practice.name(), description, status,
                    versions.size(), versions.get(versions.size() - 1).recordedAt()));
        }
        return practices;
    }
}
