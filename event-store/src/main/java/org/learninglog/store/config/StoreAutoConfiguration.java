package org.learninglog.store.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.learninglog.store.MongoStore;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.personal.MongoPersonalKeys;
import org.learninglog.store.personal.PersonalKeys;
import org.learninglog.store.personal.PersonalValues;
import org.learninglog.store.upcasting.Upcasters;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * The store and the Axon parts that sit on it, shared by both sides: one MongoDB (by URI or
 * embedded), our position-based event storage engine, axon-mongo's token store, Jackson for
 * every serialized thing, and event handler errors that propagate instead of being logged away.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MongoStore mongoStore(StoreProperties properties) {
        return MongoStore.open(properties.uri(), properties.dataDir(), properties.embeddedPort(), properties.database());
    }

    /** The driver's client, also for the read models; closed by {@link MongoStore}. */
    @Bean(destroyMethod = "")
    public MongoClient mongoClient(MongoStore store) {
        return store.client();
    }

    /**
     * The store's database, for parts outside the event store that keep a collection of their own
     * there (the security module's personal access tokens) without depending on this module.
     */
    @Bean
    @ConditionalOnMissingBean
    public MongoDatabase learningLogDatabase(MongoStore store) {
        return store.database();
    }

    /** One key per person for the personal data inside events, in the store's own database. */
    @Bean
    @ConditionalOnMissingBean
    public PersonalKeys personalKeys(MongoStore store) {
        return new MongoPersonalKeys(store.database());
    }

    /** Personal data as the views keep it: sealed with the person's key, unreadable once it is erased. */
    @Bean
    @ConditionalOnMissingBean
    public PersonalValues personalValues(PersonalKeys keys) {
        return new PersonalValues(keys);
    }

    /** Also writes snapshots, which may hold personal data: encrypted like events. */
    @Bean
    @Primary
    public Serializer serializer(PersonalKeys keys) {
        return EventJson.serializer(keys);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(PersonalKeys keys) {
        return EventJson.serializer(keys);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return EventJson.serializer();
    }

    /** Closed with the context: that stops its read-ahead threads. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public PositionedEventStorageEngine eventStorageEngine(MongoStore store, StoreProperties properties,
                                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                                          Serializer snapshotSerializer,
                                                          org.axonframework.config.Configuration configuration) {
        PositionedEventStorageEngine engine = PositionedEventStorageEngine.builder()
                .store(store)
                .gapTimeout(properties.gapTimeout())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Polls the store every 100 ms for events appended by other processes (the default is a second).
     * Given Axon's span factory (a store built by hand would not get it), events carry the trace of the
     * request that recorded them in their metadata, so a query-side process continues that trace.
     * It also tells the events staged in the current unit of work ({@link org.learninglog.store.StagedEvents}).
     */
    @Bean
    public StagingEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return (StagingEventStore) StagingEventStore.stagingBuilder()
                .storageEngine(storageEngine)
                .spanFactory(configuration.getComponent(org.axonframework.eventhandling.EventBusSpanFactory.class,
                        () -> org.axonframework.eventhandling.DefaultEventBusSpanFactory.builder()
                                .spanFactory(configuration.spanFactory()).build()))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(100)
                .build();
    }

    /**
     * Claims expire {@code learninglog.store.token-claim-timeout} (5 s) after their last extension,
     * so that another query-side process takes over a dead one's segments. Claims are made by node;
     * Axon's default node name is the JVM's, which two application contexts in one JVM (a test run,
     * the launcher) would share and so steal each other's claims.
     */
    @Bean
    public TokenStore tokenStore(MongoStore store, Serializer serializer,
                                 @Value("${learninglog.store.token-claim-timeout:5s}") Duration claimTimeout) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database()).build())
                .serializer(serializer)
                // a claim its process no longer extends (it died) is free after this; a running
                // processor extends its claims at least every second, so it never loses them to age
                .claimTimeout(claimTimeout)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
        tokenStore.ensureIndexes();
        return tokenStore;
    }

    /** MongoDB writes here are single-document; there is no transaction to manage. */
    @Bean
    @ConditionalOnMissingBean
    public TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    /**
     * Upcasters of old event revisions. Axon's Spring configuration puts every upcaster bean into
     * {@code Configuration.upcasterChain()}, which the storage engine above reads through. They live
     * here, beside the engine, because both sides read the same events. One bean holding them all
     * in order ({@link Upcasters}): revisions of one event are upcast one step after another.
     */
    @Bean
    public EventUpcasterChain eventUpcasters() {
        return Upcasters.chain();
    }

    /** Axon logs and skips a failing handler by default; ours stop and retry instead. */
    @Bean
    public ConfigurerModule propagatingEventHandlerErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
