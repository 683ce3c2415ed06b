package org.learninglog.command.retry;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The command gateway every controller sends through, with {@link ConflictRetry}: several
 * command-side processes may write the same aggregate, and a lost race is retried here instead
 * of answering the client a conflict it did not cause.
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetryConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService conflictRetryExecutor() {
        // A retry runs its command in this pool's thread: a few, so that retries do not queue behind each other.
        return Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "command-conflict-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param retries    {@code learninglog.commands.conflict-retries}: attempts after the first (default 5)
     * @param firstDelay {@code learninglog.commands.conflict-retry-delay-ms}: the wait before the
     *                   first retry, doubled each time (default 5 ms: 5 + 10 + 20 + 40 + 80 ms at most)
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService conflictRetryExecutor,
                                  @Value("${learninglog.commands.conflict-retries:5}") int retries,
                                  @Value("${learninglog.commands.conflict-retry-delay-ms:5}") long firstDelay) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ConflictRetry.of(retries, firstDelay, conflictRetryExecutor))
                .build();
    }
}
