package org.learninglog.command.place;

/** A command named a place that was never registered. Answered with 404. */
public class UnknownPlaceException extends RuntimeException {

    private final String placeId;

    public UnknownPlaceException(String placeId) {
        super("No place is registered under this id");
        this.placeId = placeId;
    }

    public String placeId() {
        return placeId;
    }
}
