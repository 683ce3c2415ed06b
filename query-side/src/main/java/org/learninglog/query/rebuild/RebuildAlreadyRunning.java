package org.learninglog.query.rebuild;

/** A second rebuild of a view was asked for while one runs. Answered with 409. */
public class RebuildAlreadyRunning extends RuntimeException {

    public RebuildAlreadyRunning(String view) {
        super("A rebuild of the view '" + view + "' is already running");
    }
}
