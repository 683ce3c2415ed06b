package org.learninglog.query.web;

/** The story's clock of a read: {@code on=}, a day; what had happened by the end of it, whenever it was recorded. */
public final class OnParameter {

    public static final String ON = "on";
    public static final String DESCRIBED = "The story as it stood by the end of this day (the story's clock): an ISO-8601 "
            + "day (2025-06-01). Only what happened by then is shown, however late it was recorded.";

    private OnParameter() {
    }
}
