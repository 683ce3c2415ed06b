package org.learninglog.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.store.availability.StoreFailure;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store failures that happen outside a controller, where {@link CommandProblemDetails} does
 * not see them: in a filter that reads the store before the controller runs (the idempotency
 * keys). They get the same 503 or 507 problem with {@code Retry-After}, not the error page's 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StoreFailureFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    StoreFailureFilter(ObjectMapper json) {
        this.json = json;
    }

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
            answer(failure.get(), !HttpMethod.GET.matches(request.getMethod()), request.getRequestURI(), response);
        }
    }

    private void answer(StoreFailure failure, boolean write, String instance, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(failure.status());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", failure.title());
        problem.put("status", failure.status());
        problem.put("detail", failure.detail(write));
        problem.put("instance", instance);
        json.writeValue(response.getOutputStream(), problem);
    }
}
