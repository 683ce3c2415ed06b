package org.learninglog.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.query.deadletter.ParkedOnce;
import org.learninglog.query.processing.ViewSegments;
import org.learninglog.query.view.ClaimFence;
import org.learninglog.query.view.ProgrammeSequencingPolicy;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.ViewBatches;
import org.learninglog.store.MongoStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import java.util.List;

/**
 * Everything the query side contributes to an application: its projections, read API and error
 * handling. Both {@link QuerySideApplication} and the single-process launcher import it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = QuerySideApplication.class))
public class QuerySideConfiguration {

    /** The read models live beside the events, in the store's database. */
    @Bean
    public MongoDatabase readModelDatabase(MongoStore store) {
        return store.database();
    }

    /** Every processing group of the query side: one per view. */
    @Bean
    public DeadLetterGroups queryProcessingGroups(List<Projection> projections) {
        return new DeadLetterGroups(projections.stream().map(Projection::name).toList());
    }

    /**
     * Each projection is a tracking processor of its own, so it can be replayed on its own. Its
     * handlers are idempotent, so it takes events in batches: one read of each document a batch touches,
     * one bulk write of what it changed, one token update ({@link ViewBatches}). Its
     * events are split into segments by programme ({@link ViewSegments}), which several query-side
     * processes share.
     * A handler that fails parks its event, and the later events of the same programme, in the
     * group's dead-letter queue (in MongoDB, beside the views) instead of skipping it; the
     * admin API lists and retries them.
     */
    @Bean
    public ConfigurerModule queryProcessors(DeadLetterGroups groups, MongoStore store, ViewSegments segments, TokenStore tokens) {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(store.database()).build();
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : groups.names()) {
                processing.registerTrackingEventProcessor(group)
                        .registerTrackingEventProcessorConfiguration(group, c -> segments.processorConfiguration())
                        .registerSequencingPolicy(group, c -> new ProgrammeSequencingPolicy())
                        // a batch of events is one write of the view's documents, made before the token's,
                        // and only while the segment is still this process's
                        .registerHandlerInterceptor(group, c -> new ViewBatches(new ClaimFence(tokens, group), store.encodedDocuments()))
                        // an event delivered again with its batch is not parked twice
                        .registerDeadLetterQueue(group, c -> new ParkedOnce(MongoSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .mongoTemplate(template)
                                .serializer(c.serializer())
                                .transactionManager(NoTransactionManager.INSTANCE)
                                .build()))
                        // Without it the queue is asked, for every event, whether its sequence is parked:
                        // a query the embedded store can only answer by a scan. The cache remembers the
                        // parked sequences and asks only for those it saw parked.
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (c, invoker) -> invoker.enableSequenceIdentifierCache());
            }
        });
    }
}
