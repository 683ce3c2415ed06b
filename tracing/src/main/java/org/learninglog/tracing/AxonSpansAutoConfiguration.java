package org.learninglog.tracing;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Axon's spans (command dispatch and handling, event publication, each projection's handling) made
 * by the same OpenTelemetry SDK as Spring's HTTP spans, so that one trace follows a request from
 * the HTTP call through its command and events into every view, across processes: the trace
 * context travels in the messages' metadata ({@code traceparent}), which the event store keeps.
 *
 * <p>Axon's own configuration would use {@code GlobalOpenTelemetry}, which Spring Boot does not
 * set; its spans would then go nowhere. Tracing is off unless {@code management.tracing.enabled}
 * is true and {@code management.otlp.tracing.endpoint} names a collector (docs/operations.md).
 * While it is off, Axon makes no spans at all: its OpenTelemetry spans would cost each message
 * something for nothing, and a unit of work rolled back (an import's dry run) ends a span it never
 * started, which Axon logs as a warning with a stack trace.
 */
@AutoConfiguration(
        after = {org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration.class,
                org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration.class},
        before = {org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration.class,
                org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration.class})
@ConditionalOnBean(OpenTelemetry.class)
public class AxonSpansAutoConfiguration {

    static final String INSTRUMENTATION = "org.learninglog.axon";

    @Bean
    @ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "false")
    SpanFactory noAxonSpans() {
        return NoOpSpanFactory.INSTANCE;
    }

    @Bean
    @ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "true", matchIfMissing = true)
    SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer(INSTRUMENTATION))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }
}
