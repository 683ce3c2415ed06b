package org.learninglog.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.security.edge.Problems;
import org.learninglog.security.edge.RequestIds;
import org.learninglog.store.availability.StoreFailure;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * The store failures that happen outside a controller, where {@link CommandProblemDetails} does
 * not see them: in a filter that reads the store before the controller runs (the idempotency
 * keys). They get the same 503 or 507 problem with {@code Retry-After}, not the error page's 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StoreFailureFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Optional<StoreFailure> failure = StoreFailure.of(e);
            if (failure.isEmpty() || response.isCommitted()) {
                throw e;
            }
            answer(failure.get(), !HttpMethod.GET.matches(request.getMethod()), request, response);
        }
    }

    private static void answer(StoreFailure failure, boolean write, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.reset();
        String requestId = RequestIds.of(request);
        if (requestId != null) {
            response.setHeader(RequestIds.HEADER, requestId);
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(failure.status()), failure.detail(write));
        problem.setTitle(failure.title());
        Problems.write(request, response, problem);
    }
}
