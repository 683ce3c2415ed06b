package org.learninglog.embedded;

import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * The errors the embedded store answers of its own accord, under MongoDB's codes, so that the
 * driver, and whoever reads its exceptions, take them as a MongoDB server's.
 */
final class ServerErrors {

    /** MongoDB's {@code OutOfDiskSpace}. */
    static final int OUT_OF_DISK_SPACE = 14031;
    /** MongoDB's {@code ShutdownInProgress}. */
    static final int SHUTDOWN_IN_PROGRESS = 91;

    private ServerErrors() {
    }

    static MongoServerError outOfDiskSpace(String message) {
        return new MongoServerError(OUT_OF_DISK_SPACE, "OutOfDiskSpace", message);
    }

    static MongoServerError shutdownInProgress(String message) {
        return new MongoServerError(SHUTDOWN_IN_PROGRESS, "ShutdownInProgress", message);
    }
}
