package org.learninglog.store.availability;

import org.learninglog.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the store can take writes now, asked at most once per {@code freshFor}: probes of
 * several clients (a load balancer, Kubernetes, a person with curl) then cost the store one
 * {@code ping} a second at most, and during an outage none of them waits more than one server
 * selection. A change either way is logged, with the reason, for the operator.
 */
public final class StoreCheck {

    private static final Logger log = LoggerFactory.getLogger(StoreCheck.class);

    /** @param problem why the store cannot take writes; {@code null} when it can */
    public record Result(Instant at, String problem) {

        public boolean writable() {
            return problem == null;
        }
    }

    private final MongoStore store;
    private final Duration freshFor;
    private final Clock clock;
    private Result last;

    public StoreCheck(MongoStore store, Duration freshFor, Clock clock) {
        this.store = store;
        this.freshFor = freshFor;
        this.clock = clock;
    }

    /** Synchronized: concurrent probes wait for the one check under way instead of each pinging. */
    public synchronized Result now() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.at().plus(freshFor))) {
            return last;
        }
        Result result = new Result(now, store.whyNotWritable());
        if (last == null ? !result.writable() : last.writable() != result.writable()) {
            if (result.writable()) {
                log.info("The store takes writes again");
            } else {
                log.warn("The store cannot take writes: {}", result.problem());
            }
        }
        last = result;
        return result;
    }
}
