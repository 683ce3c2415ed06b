package org.learninglog.query.sharing;

import java.time.Instant;
import java.util.List;

/**
 * A shared learning as it reads now, with the places that took it up and what they answered.
 * Adoptions and responses are numbered from 1 in the order they were recorded, as their
 * {@code Location} names them.
 */
public record SharedLearningReading(String sharedLearningId, String programmeId, String placeId, String title, String summary,
                                    Audience audience, List<String> insightIds, List<String> adaptationIds, Instant sharedAt,
                                    List<Adoption> adoptions, List<Response> responses) {

    /** @param placeId the sharing place; {@code null} when shared from across the programme */
    public record Audience(boolean wholeProgramme, List<String> placeIds, List<String> funderIds) {
    }

    public record Adoption(int number, String placeId, String practiceId, String adaptationId, String note, Instant recordedAt) {
    }

    public record Response(int number, String placeId, String kind, String text, Instant recordedAt) {
    }

    /**
     * The version an adoption or response may name as {@code If-Match}: the write side numbers a
     * shared learning's events from 0 (shared, then each adoption and response).
     */
    public long version() {
        return adoptions.size() + responses.size();
    }
}
