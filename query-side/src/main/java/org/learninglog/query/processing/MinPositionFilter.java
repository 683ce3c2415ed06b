package org.learninglog.query.processing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.query.web.FieldProblem;
import org.learninglog.security.edge.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Read your writes: a read that sends {@value #HEADER}, the position a
 * write answered as {@code X-Event-Position}, waits until every view holds that event, at most
 * {@code learninglog.views.read-wait} (5 s), then is answered with {@value #REFLECTS}, the
 * position the views held. If they are still behind, it answers 503 with {@code Retry-After}
 * instead of a view that misses the write.
 */
@Component
class MinPositionFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Min-Position";
    static final String REFLECTS = "X-View-Position";
    private static final long POLL_MILLIS = 20;

    private final ViewPositions positions;
    private final Duration wait;

    MinPositionFilter(ViewPositions positions, @Value("${learninglog.views.read-wait:5s}") Duration wait) {
        this.positions = positions;
        this.wait = wait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String asked = request.getHeader(HEADER);
        long wanted;
        try {
            wanted = Long.parseLong(asked.strip());
            if (wanted < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException notAPosition) {
            problem(request, response, HttpStatus.BAD_REQUEST, "Invalid position",
                    HEADER + " must be a position as answered in X-Event-Position, a whole number from 0.", HEADER);
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long reflected = positions.reflected();
        while (reflected < wanted && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reflected = positions.reflected();
        }
        response.setHeader(REFLECTS, Long.toString(reflected));
        if (reflected < wanted) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Views still behind",
                    "The views hold the events up to position " + reflected + ", not yet " + wanted
                            + "; retry in a second.", HEADER);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String title, String detail, String field) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(new FieldProblem(field, detail)));
        Problems.write(request, response, problem);
    }
}
