package org.learninglog.store.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the store is. {@code uri} is filled from {@code MONGODB_URI} when that is set; without a
 * URI the embedded server runs on {@code data-dir}.
 *
 * @param uri          a MongoDB connection string; empty for the embedded server
 * @param dataDir      the folder the embedded server persists to
 * @param embeddedPort the embedded server's port on 127.0.0.1 (0 picks a free one)
 * @param database     the database name, when the URI does not give one
 * @param gapTimeout   how long a reader waits for a reserved position before fencing it
 */
@ConfigurationProperties("learninglog.store")
public record StoreProperties(String uri, Path dataDir, Integer embeddedPort, String database, Duration gapTimeout) {

    public StoreProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embeddedPort = embeddedPort == null ? 0 : embeddedPort;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(2) : gapTimeout;
    }
}
