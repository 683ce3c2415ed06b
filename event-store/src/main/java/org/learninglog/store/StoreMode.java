package org.learninglog.store;

/**
 * Where the MongoDB behind Learning Log comes from. The choice is made here and only here, by
 * {@link #choose(String, boolean)}: the applications and the test extension both call it.
 */
public enum StoreMode {
    /** A MongoDB given by a connection string ({@code MONGODB_URI} or {@code learninglog.store.uri}). */
    URI,
    /** A real MongoDB in a container, for tests on machines that run Docker. */
    TESTCONTAINERS,
    /** The embedded MongoDB-wire server, persisted to a file and reached over a socket. */
    EMBEDDED;

    public static StoreMode choose(String configuredUri, boolean containersAvailable) {
        if (configuredUri != null && !configuredUri.isBlank()) {
            return URI;
        }
        return containersAvailable ? TESTCONTAINERS : EMBEDDED;
    }
}
