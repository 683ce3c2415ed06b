package org.learninglog.launcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The web UI's pages may run only our own scripts and styles: no inline script, style attribute or
 * handler, nothing from elsewhere, no framing. The API's own pages (Swagger UI) keep their defaults.
 */
@Component
class PageHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !path.startsWith("/swagger-ui") && !path.startsWith("/v3/")
                && !path.startsWith("/actuator")) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
        }
        chain.doFilter(request, response);
    }
}
