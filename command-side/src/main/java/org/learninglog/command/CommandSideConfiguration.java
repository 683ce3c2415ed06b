package org.learninglog.command;

import org.axonframework.config.ConfigurerModule;
import org.learninglog.command.lookup.LookupUpdater;
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
                processing.registerSubscribingEventProcessor(LookupUpdater.PROCESSING_GROUP));
    }
}
