package org.learninglog.query.place;

import java.time.Instant;

public record PlaceSummary(String placeId, String name, Instant registeredAt) {
}
