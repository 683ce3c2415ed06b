package org.learninglog.query.processing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A read answered while some view is further behind the store than {@code learninglog.views.stale-after}
 * (30 s by default) says so: {@value #LAG} gives how far the furthest view is behind, in events and
 * seconds ({@code events=40, seconds=12.5}, a structured-field dictionary), and
 * {@value MinPositionFilter#REFLECTS} the position every view holds. A client can then tell a stale
 * answer from a fresh one, and ask again with {@code X-Min-Position} for its own writes. A fresh
 * answer carries neither. The lags are {@link ViewLag}'s, read at most once a second, so a read pays
 * nothing for them.
 */
@Component
class StaleViewHeaders extends OncePerRequestFilter {

    static final String LAG = "X-View-Lag";

    private final ViewLag lag;
    private final double staleAfterSeconds;

    StaleViewHeaders(ViewLag lag, @Value("${learninglog.views.stale-after:30s}") Duration staleAfter) {
        this.lag = lag;
        this.staleAfterSeconds = staleAfter.toMillis() / 1000.0;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, ViewLag.Lag> lags = lag.all();
        ViewLag.Lag furthest = lags.values().stream()
                .max(java.util.Comparator.comparingDouble(ViewLag.Lag::seconds)).orElse(null);
        if (furthest != null && furthest.events() > 0 && furthest.seconds() > staleAfterSeconds) {
            long held = lags.values().stream().mapToLong(ViewLag.Lag::position).min().orElse(0);
            response.setHeader(LAG, String.format(Locale.ROOT, "events=%d, seconds=%.1f", furthest.events(), furthest.seconds()));
            if (response.getHeader(MinPositionFilter.REFLECTS) == null) {
                response.setHeader(MinPositionFilter.REFLECTS, Long.toString(held));
            }
        }
        chain.doFilter(request, response);
    }
}
