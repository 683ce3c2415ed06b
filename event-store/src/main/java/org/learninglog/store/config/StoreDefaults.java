package org.learninglog.store.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults both sides share, at the lowest precedence so any application property wins:
 * {@code MONGODB_URI} as the store's URI, no Axon Server, Jackson everywhere, and no usage
 * reports from Axon's update checker nor its AxonIQ Console advertisement at each start; health
 * probes whose readiness follows the store.
 */
public class StoreDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        environment.getPropertySources().addLast(new MapPropertySource("learningLogStoreDefaults", Map.of(
                "learninglog.store.uri", "${MONGODB_URI:}",
                "axon.axonserver.enabled", "false",
                "axon.serializer.general", "jackson",
                "axon.serializer.events", "jackson",
                "axon.serializer.messages", "jackson",
                // /actuator/health/liveness and /readiness; only readiness depends on the store.
                "management.endpoint.health.probes.enabled", "true",
                "management.endpoint.health.group.readiness.include", "readinessState,store",
                "spring.autoconfigure.exclude", String.join(",",
                        "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
                        "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration",
                        "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration"))));
    }
}
