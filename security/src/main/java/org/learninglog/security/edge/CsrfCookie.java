package org.learninglog.security.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The CSRF token is kept in the session (so a token is good for that session only, and a cookie
 * planted by a neighbouring site is worth nothing); the web UI's scripts read a copy of it from the
 * {@code XSRF-TOKEN} cookie and send it back as a header or form field. Pages get the token (and so a
 * session) when one of them is opened; the API, scripts, styles and health probes only pass on the token
 * of a session that is already there: sessions live in the store, so a probe that started one would
 * write to it every few seconds.
 */
public final class CsrfCookie extends OncePerRequestFilter {

    public static final String NAME = "XSRF-TOKEN";

    private final boolean startsSessions;

    public CsrfCookie(boolean startsSessions) {
        this.startsSessions = startsSessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ((startsSessions && isPage(request) || request.getSession(false) != null)
                && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                && !token.getToken().equals(sent(request))) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, token.getToken()).path("/")
                    .sameSite("Lax").secure(request.isSecure()).build().toString());
        }
        chain.doFilter(request, response);
    }

    /** A page being opened: the front door, a page of the web UI, or the sign-in page. */
    private static boolean isPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.endsWith(".html") || path.equals("/sign-in");
    }

    private static String sent(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
