package org.learninglog.security.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Makes every request look addressed to the installation's public URL ({@code learninglog.public-url},
 * else {@code http://localhost:<port>}), whatever its {@code Host} header says. Links the application
 * writes ({@code Location} of what was created, the sign-in redirect, the OpenAPI description's
 * servers) are built from the request's host, and a client must not be able to point them elsewhere.
 * Whether the request itself came over TLS ({@link HttpServletRequest#isSecure()}) is left as it is.
 */
public final class PublicAddress extends OncePerRequestFilter {

    private final URI configured;

    /** @param configured the public URL, or {@code null} for {@code http://localhost} on the port the request came to */
    public PublicAddress(URI configured) {
        this.configured = configured;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        URI base = configured != null ? configured : URI.create("http://localhost:" + request.getLocalPort());
        chain.doFilter(new AtPublicAddress(request, base), new RedirectsToPublicAddress(response, base));
    }

    private static int port(URI base) {
        return base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    }

    private static String origin(URI base) {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static final class AtPublicAddress extends HttpServletRequestWrapper {
        private final URI base;

        AtPublicAddress(HttpServletRequest request, URI base) {
            super(request);
            this.base = base;
        }

        @Override
        public String getScheme() {
            return base.getScheme();
        }

        @Override
        public String getServerName() {
            return base.getHost();
        }

        @Override
        public int getServerPort() {
            return port(base);
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(origin(base)).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? base.getRawAuthority() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(base.getRawAuthority()))
                    : super.getHeaders(name);
        }
    }

    /** The container would make a relative redirect absolute with the request's own Host. */
    private static final class RedirectsToPublicAddress extends HttpServletResponseWrapper {
        private final URI base;

        RedirectsToPublicAddress(HttpServletResponse response, URI base) {
            super(response);
            this.base = base;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(location.startsWith("/") && !location.startsWith("//") ? origin(base) + location : location);
        }
    }
}
