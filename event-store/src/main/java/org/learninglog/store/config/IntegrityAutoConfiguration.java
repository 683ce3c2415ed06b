package org.learninglog.store.config;

import org.learninglog.store.MongoStore;
import org.learninglog.store.engine.StoredEventLog;
import org.learninglog.store.integrity.CheckpointSigner;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.integrity.Sealer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The tamper-evident chain over the stored events, and (where enabled) the sealer that extends it. */
@AutoConfiguration(after = StoreAutoConfiguration.class)
@EnableConfigurationProperties({IntegrityProperties.class, StoreProperties.class})
public class IntegrityAutoConfiguration {

    @Bean
    public EventChain eventChain(StoredEventLog engine, MongoStore store, IntegrityProperties integrity,
                                 StoreProperties storeProperties) {
        CheckpointSigner signer = CheckpointSigner.fromFile(integrity.keyFile() != null ? integrity.keyFile()
                : storeProperties.dataDir().resolve("integrity-signing.key"));
        return new EventChain(engine, store.database(), signer, integrity.checkpointEvery(), Clock.systemUTC());
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(name = "learninglog.integrity.seal", havingValue = "true")
    public Sealer sealer(EventChain chain, IntegrityProperties integrity) {
        return new Sealer(chain, integrity.sealEvery());
    }
}
