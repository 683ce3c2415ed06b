package org.learninglog.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.learninglog.query.place.PlaceListProjection;
import org.learninglog.query.timeline.PlaceTimelineProjection;
import org.learninglog.store.MongoStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

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

    /**
     * Each projection is a tracking processor of its own, so it can be replayed on its own. Its
     * handlers are idempotent, so it may take events in batches (one token update per batch).
     */
    @Bean
    public ConfigurerModule queryProcessors() {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : new String[]{PlaceTimelineProjection.PROCESSING_GROUP, PlaceListProjection.PROCESSING_GROUP}) {
                processing.registerTrackingEventProcessor(group)
                        .registerTrackingEventProcessorConfiguration(group,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(50));
            }
        });
    }
}
