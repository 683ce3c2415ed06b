package org.learninglog.command.retry;

import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.learninglog.store.engine.CommandAlreadyStored;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends a command again, on fresh state, when its append lost a race on the aggregate's next
 * sequence number: another command-side process (or thread) wrote the aggregate first.
 *
 * <p>Why this is safe and enough: the store refused the whole commit, so nothing of the lost
 * attempt is stored, and the unit of work's rollback dropped the aggregate from the cache, so the
 * next attempt loads it from the store. The same holds when the client's {@code If-Match} names a
 * version newer than the one this process holds (Axon refuses the load with a
 * {@link ConflictingAggregateVersionException} whose expected version is above the actual one):
 * the process's copy is stale, not the client's. A client's {@code If-Match} is checked again on that fresh
 * state: if the winner's change is one the client had not seen, the retry ends in Axon's
 * {@link ConflictingModificationException}, a true 409; otherwise the command simply applies after
 * the winner's. A stale cache entry (written by this process, outdated by another) costs one retry.
 *
 * <p>Only that race is retried. Axon's default would retry every exception not marked as
 * non-transient, among them our own refusals ({@code DomainRuleViolation}) and a store that does
 * not answer, which must reach the client at once; a command whose id is stored already
 * ({@link CommandAlreadyStored}) and a taken id for a new aggregate (Axon's
 * {@code AggregateStreamCreationException}, not a {@link ConcurrencyException}) cannot succeed again.
 */
final class ConflictRetry extends ExponentialBackOffIntervalRetryScheduler {

    private ConflictRetry(Builder builder) {
        super(builder);
    }

    /**
     * @param retries    how many times one command is sent again at most
     * @param firstDelay milliseconds before the first retry; each next one waits twice as long
     */
    static ConflictRetry of(int retries, long firstDelay, ScheduledExecutorService executor) {
        return new ConflictRetry(ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(retries)
                .backoffFactor(Math.max(1, firstDelay)));
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !lostAppendRace(failure);
    }

    static boolean lostAppendRace(Throwable failure) {
        boolean race = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingAggregateVersionException versions
                    && versions.getExpectedVersion() > versions.getActualVersion()) {
                return true; // the client has seen a version this process does not hold: our state is stale
            }
            if (cause instanceof ConflictingModificationException || cause instanceof CommandAlreadyStored) {
                return false;
            }
            race |= cause instanceof ConcurrencyException;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return race;
    }
}
