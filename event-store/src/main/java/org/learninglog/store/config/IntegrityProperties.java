package org.learninglog.store.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code learninglog.integrity.*}: the tamper-evident chain.
 *
 * @param seal            whether this process seals new events (exactly one process should: the command side)
 * @param sealEvery       how often it looks for new events to seal
 * @param checkpointEvery how often a chain's head is signed at most
 * @param keyFile         the checkpoint signing key, kept out of the database; created on first start
 */
@ConfigurationProperties("learninglog.integrity")
public record IntegrityProperties(boolean seal, Duration sealEvery, Duration checkpointEvery, Path keyFile) {

    public IntegrityProperties {
        sealEvery = sealEvery == null ? Duration.ofMillis(500) : sealEvery;
        checkpointEvery = checkpointEvery == null ? Duration.ofMinutes(1) : checkpointEvery;
    }
}
