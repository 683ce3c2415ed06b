package org.learninglog.command;

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
}
