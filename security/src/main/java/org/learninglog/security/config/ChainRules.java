package org.learninglog.security.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.learninglog.security.OutsideProgramme;
import org.learninglog.security.edge.CrossSiteWrites;
import org.learninglog.security.edge.CsrfCookie;
import org.learninglog.security.edge.Problems;
import org.learninglog.security.signin.SignInThrottled;
import org.learninglog.security.token.TokenAuthentication;
import org.learninglog.security.token.TokenScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The rules and answers the two filter chains share: the challenges and problems of a refused
 * request, the CSRF token's home, and the headers every page and answer carries.
 */
final class ChainRules {

    private ChainRules() {
    }

    /**
     * Our pages load nothing from elsewhere and run no inline script or style. Swagger UI and the
     * API reference (Redoc), pages we don't write, set inline styles, so they get that one allowance.
     */
    static HeaderWriter pagePolicy() {
        RequestMatcher swagger = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/api-docs.html"));
        return (request, response) -> {
            new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger), new ContentSecurityPolicyHeaderWriter(
                    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                            + "form-action 'self'; frame-ancestors 'none'")).writeHeaders(request, response);
            new DelegatingRequestMatcherHeaderWriter(swagger, new ContentSecurityPolicyHeaderWriter(
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                            + "frame-ancestors 'none'")).writeHeaders(request, response);
        };
    }

    /**
     * A call by the web UI's scripts (they send {@code X-Requested-With: XMLHttpRequest}): its 401 carries
     * no Basic challenge, which would make the browser ask for a password in a box of its own instead of
     * the page leading to the sign-in page.
     */
    private static boolean fromOurPages(HttpServletRequest request) {
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    }

    static final String BASIC_CHALLENGE = "Basic realm=\"Learning Log\"";

    /**
     * A 401 problem with the challenge for API clients; the web UI's own calls get none, so the
     * browser shows no password box of its own and the page leads to the sign-in page.
     */
    static AuthenticationEntryPoint signInNeeded(String challenge, String detail) {
        return (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                tooManyFailures(request, response, throttled);
                return;
            }
            if (!fromOurPages(request)) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in needed", detail);
        };
    }

    static void tooManyFailures(HttpServletRequest request, HttpServletResponse response, SignInThrottled throttled)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                throttled.getMessage());
    }

    /** Something of another programme answers as if it did not exist; anything else refused is 403. */
    static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof OutsideProgramme) {
            Problems.write(request, response, HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        } else {
            Problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed", "You may not do this here.");
        }
    }

    /** A write needs a signed-in member, and one not signed in by a read-only token. */
    static AuthorizationDecision mayWrite(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication signedIn = authentication.get();
        boolean member = AUTHENTICATED.authorize(authentication, context).isGranted();
        return new AuthorizationDecision(member
                && !(signedIn instanceof TokenAuthentication token && token.scope() == TokenScope.READ));
    }

    private static final AuthenticatedAuthorizationManager<RequestAuthorizationContext> AUTHENTICATED =
            AuthenticatedAuthorizationManager.authenticated();

    /** Pages and API use none of the browser's powerful features, and do not let embedded content use them either. */
    static final HeaderWriter PERMISSIONS_POLICY = new StaticHeadersWriter("Permissions-Policy",
            "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
                    + "microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), interest-cohort=()");

    /**
     * One token per session for both chains, kept in the session so that it is good for that session
     * only; our pages' scripts read a copy from the {@code XSRF-TOKEN} cookie ({@link CsrfCookie}) and
     * send it back in the header Angular-style clients use.
     */
    static HttpSessionCsrfTokenRepository csrfTokens() {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setHeaderName("X-XSRF-TOKEN");
        return tokens;
    }

    /**
     * A write signed in by the session cookie: it comes with a live session and no credentials of
     * its own. Without a session it is anonymous, and answered 401 rather than refused for a token.
     */
    static boolean signedInBySessionWrite(HttpServletRequest request) {
        return CrossSiteWrites.isWrite(request) && request.getHeader("Authorization") == null
                && request.isRequestedSessionIdValid();
    }
}
