package org.learninglog.command.position;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.command.idempotency.CommandIds;
import org.learninglog.store.engine.StoredCommands;
import org.learninglog.command.web.ApiWrites;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Answers every successful write with {@value #HEADER}: the global position of the last event it
 * stored. A client sends it back on its next read ({@code X-Min-Position}), and whichever query-side
 * process answers waits until its views hold that event. The answer is held back until the write
 * is done (the header must precede the body); a write answered again under its idempotency key,
 * whose events this process did not store, has its position looked up in the store.
 */
// Outside the idempotency filter, so that it sees the command id that filter gives the request.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
final class EventPositionFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Event-Position";

    private final CommittedPositions committed;
    private final StoredCommands stored;

    EventPositionFilter(CommittedPositions committed, StoredCommands stored) {
        this.committed = committed;
        this.stored = stored;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiWrites.isApiWrite(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
            if (held.getStatus() >= 200 && held.getStatus() < 300) {
                position(CommandIds.of(request)).ifPresent(position -> held.setHeader(HEADER, Long.toString(position)));
            }
        } finally {
            held.copyBodyToResponse();
        }
    }

    private Optional<Long> position(String commandId) {
        if (commandId == null) {
            return Optional.empty();
        }
        Optional<Long> known = committed.of(commandId);
        if (known.isPresent()) {
            return known;
        }
        try {
            return stored.storedCommand(commandId).map(command -> command.position() + command.events() - 1);
        } catch (RuntimeException storeAway) {
            return Optional.empty(); // the write's own answer stands; only the position is left out
        }
    }
}
