package org.learninglog.store;

import org.learninglog.embedded.StoreDamaged;
import org.learninglog.embedded.StoreInUse;
import org.springframework.boot.web.server.PortInUseException;

import java.util.function.Supplier;

/**
 * Ends a process whose start failed, with one plain line on stderr. Spring logs the failure and
 * returns, but Axon leaves a non-daemon thread behind, so without an explicit exit the process
 * would live on without a port and a supervisor would never restart it.
 */
public final class FailedStart {

    private FailedStart() {
    }

    /** Runs {@code start}; if it throws, prints why and exits with status 1. */
    public static <T> T exitIfItFails(String what, Supplier<T> start) {
        try {
            return start.get();
        } catch (Throwable failure) {
            System.err.println(what + " could not start: " + reason(failure));
            System.err.flush();
            System.exit(1);
            throw new IllegalStateException("unreachable");
        }
    }

    /** The first cause that speaks to the user, else the innermost cause's message. */
    public static String reason(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreDamaged || cause instanceof StoreInUse) {
                return cause.getMessage();
            }
            if (cause instanceof com.mongodb.MongoTimeoutException) {
                // Its message is the driver's view of the cluster, with exception names inside.
                return "the store did not answer in time: is the MongoDB that MONGODB_URI names running?"
                        + " (the log above has the details)";
            }
            if (cause instanceof PortInUseException port) {
                return "port " + port.getPort() + " is already in use: stop what runs there, or choose another with --server.port=";
            }
            innermost = cause;
        }
        String message = innermost.getMessage();
        return (message == null || message.isBlank() ? innermost.getClass().getSimpleName() : firstLine(message))
                + " (the log above has the details)";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
