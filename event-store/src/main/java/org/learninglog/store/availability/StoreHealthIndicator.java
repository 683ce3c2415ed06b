package org.learninglog.store.availability;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The store's part of the application's health, in the readiness group (see {@code StoreDefaults}):
 * a process whose store is unreachable, closed or full is alive but not ready, so a load balancer
 * sends its traffic elsewhere and nothing restarts it; it is ready again once the store is.
 */
public final class StoreHealthIndicator implements HealthIndicator {

    private final StoreCheck check;

    public StoreHealthIndicator(StoreCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        StoreCheck.Result result = check.now();
        return result.writable()
                ? Health.up().withDetail("checkedAt", result.at().toString()).build()
                : Health.down().withDetail("checkedAt", result.at().toString()).withDetail("reason", result.problem()).build();
    }
}
