package org.learninglog.store.availability;

import com.mongodb.MongoClientException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import de.bwaldvogel.mongo.exception.MongoServerError;

import java.util.Optional;
import java.util.Set;

/**
 * A failure of the store itself, as opposed to a refusal of the request: the store cannot be
 * reached, or it has no room to write. Both sides answer these the same way (503 or 507 with
 * {@code Retry-After}), whoever wrapped the driver's exception on its way up (Axon's
 * {@code EventStoreException}, {@code CommandExecutionException}, a servlet exception).
 */
public enum StoreFailure {

    /** The store did not answer in time, or answered that it is shutting down or closed. */
    UNREACHABLE(503, "Store unavailable", 5),
    /** The store's disk is full (MongoDB's error {@value #OUT_OF_DISK_SPACE}, which the embedded store also uses). */
    FULL(507, "Insufficient storage", 30);

    /** MongoDB's {@code OutOfDiskSpace}. */
    public static final int OUT_OF_DISK_SPACE = 14031;
    /** MongoDB's {@code ShutdownInProgress}; the embedded store answers it once its file is closed. */
    public static final int SHUTDOWN_IN_PROGRESS = 91;

    /**
     * Server errors that say "not now, this node": shutting down, stepping down, recovering.
     * The driver marks such a server unknown and selects again, so they pass like an outage.
     */
    private static final Set<Integer> NOT_AVAILABLE_CODES = Set.of(SHUTDOWN_IN_PROGRESS, 11600, 11602, 189, 10107, 13435, 13436);

    private final int status;
    private final String title;
    private final int retryAfterSeconds;

    StoreFailure(int status, String title, int retryAfterSeconds) {
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** What {@code failure} or one of its causes says about the store; empty if it is something else. */
    public static Optional<StoreFailure> of(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            // The driver's, from a reply; or the embedded server's own, from a reservation made in this process.
            Integer code = cause instanceof MongoServerException server ? Integer.valueOf(server.getCode())
                    : cause instanceof MongoServerError embedded ? Integer.valueOf(embedded.getCode()) : null;
            if (code != null && code == OUT_OF_DISK_SPACE) {
                return Optional.of(FULL);
            }
            if (code != null && NOT_AVAILABLE_CODES.contains(code)) {
                return Optional.of(UNREACHABLE);
            }
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
                    || cause instanceof MongoServerUnavailableException
                    || (cause instanceof MongoClientException && cause.getCause() instanceof MongoSocketException)
                    || (cause instanceof MongoInterruptedException && cause.getCause() instanceof MongoSocketException)) {
                return Optional.of(UNREACHABLE);
            }
        }
        return Optional.empty();
    }

    /** The HTTP status: 503 Service Unavailable or 507 Insufficient Storage. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** How long a client should wait before trying again, for {@code Retry-After}. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * What the client should know. A write whose store call timed out may have reached the store
     * before the connection failed, so it may have been applied: a retry with the same
     * {@code Idempotency-Key} answers the first answer instead of storing it twice.
     */
    public String detail(boolean write) {
        return switch (this) {
            case UNREACHABLE -> write
                    ? "The store could not be reached. The write may or may not have been applied: "
                    + "retry it with the same Idempotency-Key after the time in Retry-After."
                    : "The store could not be reached, so the views cannot be read; retry after the time in Retry-After.";
            case FULL -> write
                    ? "The store's disk is full and the write was refused; what was stored before is kept. "
                    + "Retry with the same Idempotency-Key once space is freed."
                    : "The store's disk is full; retry after the time in Retry-After.";
        };
    }
}
