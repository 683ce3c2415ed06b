package org.learninglog.command.place;

/** The facts of a registered place that never change, and that recording an insight needs. */
public record RegisteredPlace(String placeId, String programmeId) {
}
