package org.learninglog.security.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Refuses a write that a browser says came from another site (Fetch Metadata's
 * {@code Sec-Fetch-Site}). A browser may replay Basic credentials it has cached, and a page of
 * another site can post a form without a body; neither may change the record. Clients that are not
 * browsers send no such header and are unaffected.
 */
public final class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");

    /** Whether the request may change something (its method is not one of HTTP's safe ones). */
    public static boolean isWrite(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && isWrite(request) && !OWN_ORIGIN.contains(site)) {
            Problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
                    "Changes can only be made from Learning Log's own pages.");
            return;
        }
        chain.doFilter(request, response);
    }
}
