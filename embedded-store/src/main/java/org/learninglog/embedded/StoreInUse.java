package org.learninglog.embedded;

/** The embedded store's file is held by another process: only one may open it at a time. */
public class StoreInUse extends RuntimeException {

    public StoreInUse(String message, Throwable cause) {
        super(message, cause);
    }
}
