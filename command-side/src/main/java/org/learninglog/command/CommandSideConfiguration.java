package org.learninglog.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.learninglog.command.lookup.LookupUpdater;
import org.learninglog.command.membership.MembershipViewUpdater;
import org.learninglog.store.cache.AggregateCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import java.time.Clock;

/**
 * Everything the command side contributes to an application: its aggregates, controllers and
 * error handling. Both {@link CommandSideApplication} and the single-process launcher import it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CommandSideApplication.class))
public class CommandSideConfiguration {

    /** The bean name of the aggregate cache, which every {@code @Aggregate} names. */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    /**
     * Recently used aggregates stay loaded, so a command on one does not read and replay its
     * events again (see {@link AggregateCache} for why it is bounded and what it keeps safe).
     */
    @Bean(AGGREGATE_CACHE)
    public Cache aggregateCache() {
        return new AggregateCache();
    }

    /** The time aggregates stamp on their events; injected into command handlers. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The lookup of what is registered is written in the thread of the command that applied the
     * events (a subscribing processor), so the next command already sees it; a tracking processor
     * would lag behind and let a command right after another fail its checks.
     */
    @Bean
    public ConfigurerModule commandLookupIsSubscribing() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor(LookupUpdater.PROCESSING_GROUP)
                        .registerSubscribingEventProcessor(MembershipViewUpdater.PROCESSING_GROUP));
    }
}
