package org.learninglog.store.config;

import org.learninglog.store.MongoStore;
import org.learninglog.store.availability.StoreCheck;
import org.learninglog.store.availability.StoreHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/** The store's health indicator, named {@code store}, wherever Spring Boot's actuator is present. */
@AutoConfiguration(after = StoreAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class StoreHealthAutoConfiguration {

    @Bean
    public StoreCheck storeCheck(MongoStore store) {
        return new StoreCheck(store, Duration.ofSeconds(1), Clock.systemUTC());
    }

    @Bean
    public StoreHealthIndicator storeHealthIndicator(StoreCheck check) {
        return new StoreHealthIndicator(check);
    }
}
