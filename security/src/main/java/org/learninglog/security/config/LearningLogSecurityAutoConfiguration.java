package org.learninglog.security.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.mongodb.client.MongoDatabase;
import org.learninglog.security.OutsideProgramme;
import org.learninglog.security.signin.FailedSignIns;
import org.learninglog.security.signin.PasswordSignIn;
import org.learninglog.security.signin.SignInThrottled;
import org.learninglog.security.signin.VerifiedPasswords;
import org.learninglog.security.edge.PublicAddress;
import org.learninglog.security.token.MongoTokenStore;
import org.learninglog.security.token.PersonalAccessTokens;
import org.learninglog.security.token.TokenAuthentication;
import org.learninglog.security.token.TokenController;
import org.learninglog.security.token.TokenScope;
import org.learninglog.security.token.TokenSignIn;
import org.learninglog.security.token.TokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.DigestAuthenticationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import org.learninglog.security.AccessPolicy;
import org.learninglog.security.edge.BodySizeLimit;
import org.learninglog.security.edge.CrossSiteWrites;
import org.learninglog.security.edge.CsrfCookie;
import org.learninglog.security.edge.HostileJson;
import org.learninglog.security.edge.ErrorPage;
import org.learninglog.security.edge.Problems;
import org.learninglog.security.edge.RequestIdInProblems;
import org.learninglog.security.edge.RequestIds;
import org.learninglog.security.edge.RateLimit;
import org.learninglog.security.local.LocalAccounts;
import org.learninglog.security.oidc.MemberJwtConverter;
import org.learninglog.security.oidc.MemberOidcUserService;
import org.learninglog.security.oidc.ProviderRegistration;
import org.learninglog.security.web.MeController;
import org.learninglog.security.web.SignInPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Collection;
import java.util.List;

/**
 * Sign-in and the edge for whichever side (or both) runs in this process. With an OpenID Connect
 * issuer configured, the API takes bearer tokens from it (issuer, audience, expiry and RS256
 * signature all checked); otherwise it takes HTTP Basic sign-in against the local accounts of the
 * configuration. Everything under {@code /api} needs a signed-in member; what each may do there is
 * {@link AccessPolicy}'s to say.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class LearningLogSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LearningLogSecurityAutoConfiguration.class);

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    /** First of all filters, so that even a refusal at the edge names its request. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Problem+json for whatever reaches the container's error page (replaces Spring Boot's JSON error body). */
    @Bean
    ErrorPage errorPage() {
        return new ErrorPage();
    }

    @Bean
    RequestIdInProblems requestIdInProblems() {
        return new RequestIdInProblems();
    }

    @Bean
    HostileJson hostileJson(SecurityProperties properties) {
        return new HostileJson(properties.maxBody().toBytes());
    }

    @Bean
    UserDetailsService localAccounts(SecurityProperties properties) {
        LocalAccounts accounts = new LocalAccounts(properties.oidcEnabled() ? List.of() : properties.accounts());
        if (!properties.oidcEnabled()) {
            log.info("Sign-in with local accounts ({} configured)", accounts.size());
        }
        return accounts;
    }

    /**
     * The one way to check a user name and password (Basic and the form): published as the only
     * {@link AuthenticationProvider}, so Spring Security builds no second bcrypt check beside it.
     */
    @Bean
    PasswordSignIn passwordSignIn(UserDetailsService accounts, VerifiedPasswords verified, SecurityProperties properties) {
        SecurityProperties.FailedSignInLimits limits = properties.failedSignIns();
        return new PasswordSignIn(accounts, verified,
                new FailedSignIns(limits.perAccountAndAddress(), limits.perAddress(), limits.perAccount()));
    }

    /** Exposed so that whatever changes a password (issue 18's accounts) can forget the old one at once. */
    @Bean
    VerifiedPasswords verifiedPasswords(SecurityProperties properties) {
        return new VerifiedPasswords(properties.passwordsRemembered(), 10_000);
    }

    @Bean
    PersonalAccessTokens personalAccessTokens(ObjectProvider<TokenStore> stores, ObjectProvider<MongoDatabase> database) {
        TokenStore store = stores.getIfAvailable(() -> new MongoTokenStore(database.getObject()));
        return new PersonalAccessTokens(store, Clock.systemUTC());
    }

    @Bean
    TokenController tokenController(PersonalAccessTokens tokens, UserDetailsService accounts) {
        return new TokenController(tokens, accounts);
    }

    /** Ahead of Spring Security, so that nothing it or the controllers build can carry a forged host. */
    @Bean
    FilterRegistrationBean<PublicAddress> publicAddress(@Value("${learninglog.public-url:}") String publicUrl) {
        FilterRegistrationBean<PublicAddress> registration = new FilterRegistrationBean<>(
                new PublicAddress(publicUrl.isBlank() ? null : URI.create(publicUrl.replaceAll("/+$", ""))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Session and CSRF cookies are not sent along with requests that other sites start. */
    @Bean
    CookieSameSiteSupplier sameSiteLax() {
        return CookieSameSiteSupplier.ofLax();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, PersonalAccessTokens tokens,
                            UserDetailsService accounts) throws Exception {
        // Signed in by the web UI's session, or by a token or Basic credentials on each request;
        // the API itself never starts a session.
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(CrossSiteWrites::isWrite).access(LearningLogSecurityAutoConfiguration::mayWrite)
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(
                        new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // A session cookie is sent by the browser on its own, so a write signed in by the
                // session needs the CSRF token too; a bearer token or Basic credentials is sent on
                // purpose (and cross-site writes are refused by CrossSiteWrites whatever they carry).
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(LearningLogSecurityAutoConfiguration::signedInBySessionWrite))
                .addFilterAfter(new CsrfCookie(false), CsrfFilter.class)
                .addFilterBefore(new CrossSiteWrites(), CsrfFilter.class)
                // Before the provider's bearer tokens are looked at, so a personal access token never reaches its decoder.
                .addFilterBefore(new TokenSignIn(tokens, accounts), DigestAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signInNeeded(properties.oidcEnabled() ? "Bearer" : BASIC_CHALLENGE,
                                "Sign in to use Learning Log."))
                        .accessDeniedHandler(LearningLogSecurityAutoConfiguration::refused))
                .headers(headers -> headers
                        .addHeaderWriter(PERMISSIONS_POLICY)
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new BodySizeLimit(properties.maxBody().toBytes()), BasicAuthenticationFilter.class);
        if (properties.oidcEnabled()) {
            BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
            DefaultBearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(server -> server
                    .bearerTokenResolver(request -> TokenSignIn.tokenOf(request) != null ? null : bearerTokens.resolve(request))
                    // Spring's entry point says in WWW-Authenticate what was wrong with the token; the body says it for people.
                    .authenticationEntryPoint((request, response, e) -> {
                        bearer.commence(request, response, e);
                        Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                                "Sign in to use Learning Log: the token is missing, invalid or expired.");
                    })
                    .jwt(jwt -> jwt.decoder(jwtDecoder(properties.oidc())).jwtAuthenticationConverter(new MemberJwtConverter())));
            http.addFilterAfter(new RateLimit(properties.rateLimit().requests(), properties.rateLimit().period()),
                    BearerTokenAuthenticationFilter.class);
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(signInNeeded(BASIC_CHALLENGE, "Sign in to use Learning Log.")));
            http.addFilterAfter(new RateLimit(properties.rateLimit().requests(), properties.rateLimit().period()),
                    BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    /**
     * Everything outside the API: the web pages and documentation are open (the pages ask for sign-in
     * through the API's 401), health is open for probes, other Actuator endpoints are the
     * operator's. The web UI signs in with a form against the local accounts and keeps a session;
     * every write it makes carries the CSRF token from the {@code XSRF-TOKEN} cookie.
     */
    @Bean
    @Order(2)
    SecurityFilterChain site(HttpSecurity http, SecurityProperties properties) throws Exception {
        if (properties.webSignInByOidc()) {
            http.oauth2Login(login -> login.loginPage("/sign-in")
                    .clientRegistrationRepository(new ProviderRegistration(properties.oidc()))
                    .userInfoEndpoint(user -> user.oidcUserService(new MemberOidcUserService()))
                    .defaultSuccessUrl("/", false).failureUrl("/sign-in?error"));
        } else {
            SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
            http.formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                    .defaultSuccessUrl("/", false)
                    .failureHandler((request, response, e) -> {
                        if (e instanceof SignInThrottled throttled) {
                            tooManyFailures(request, response, throttled);
                        } else {
                            wrongPassword.onAuthenticationFailure(request, response, e);
                        }
                    }));
        }
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .anyRequest().permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookie(true), CsrfFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(signInNeeded(BASIC_CHALLENGE, "Sign in as an operator.")))
                // Monitoring is read by tools, not people: a 401 challenge rather than the sign-in page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        signInNeeded(BASIC_CHALLENGE, "Sign in as an operator."),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
                .headers(headers -> headers
                        .addHeaderWriter(pagePolicy())
                        .addHeaderWriter(PERMISSIONS_POLICY)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    SignInPage signInPage(SecurityProperties properties) {
        return new SignInPage(properties.webSignInByOidc());
    }

    @Bean
    MeController meController() {
        return new MeController();
    }

    /**
     * Our pages load nothing from elsewhere and run no inline script or style. Swagger UI, a
     * page we don't write, sets inline styles, so it gets that one allowance.
     */
    private static HeaderWriter pagePolicy() {
        RequestMatcher swagger = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
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

        private static final String BASIC_CHALLENGE = "Basic realm=\"Learning Log\"";

    /**
     * A 401 problem with the challenge for API clients; the web UI's own calls get none, so the
     * browser shows no password box of its own and the page leads to the sign-in page.
     */
    private static AuthenticationEntryPoint signInNeeded(String challenge, String detail) {
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

    private static void tooManyFailures(HttpServletRequest request, HttpServletResponse response, SignInThrottled throttled)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                throttled.getMessage());
    }

    /** Something of another programme answers as if it did not exist; anything else refused is 403. */
    private static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof OutsideProgramme) {
            Problems.write(request, response, HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        } else {
            Problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed", "You may not do this here.");
        }
    }

    /** A write needs a signed-in member, and one not signed in by a read-only token. */
    private static AuthorizationDecision mayWrite(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication signedIn = authentication.get();
        boolean member = AUTHENTICATED.authorize(authentication, context).isGranted();
        return new AuthorizationDecision(member
                && !(signedIn instanceof TokenAuthentication token && token.scope() == TokenScope.READ));
    }

    private static final AuthenticatedAuthorizationManager<RequestAuthorizationContext> AUTHENTICATED =
            AuthenticatedAuthorizationManager.authenticated();

    /** Pages and API use none of the browser's powerful features, and do not let embedded content use them either. */
    private static final HeaderWriter PERMISSIONS_POLICY = new StaticHeadersWriter("Permissions-Policy",
            "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
                    + "microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), interest-cohort=()");

    /**
     * One token per session for both chains, kept in the session so that it is good for that session
     * only; our pages' scripts read a copy from the {@code XSRF-TOKEN} cookie ({@link CsrfCookie}) and
     * send it back in the header Angular-style clients use.
     */
    private static HttpSessionCsrfTokenRepository csrfTokens() {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setHeaderName("X-XSRF-TOKEN");
        return tokens;
    }

    /**
     * A write signed in by the session cookie: it comes with a live session and no credentials of
     * its own. Without a session it is anonymous, and answered 401 rather than refused for a token.
     */
    private static boolean signedInBySessionWrite(HttpServletRequest request) {
        return CrossSiteWrites.isWrite(request) && request.getHeader("Authorization") == null
                && request.isRequestedSessionIdValid();
    }

    /**
     * Only RS256 signatures from the provider's published keys: a token with {@code alg: none} or
     * signed with HMAC (using the public key as a shared secret) is refused before any claim is read.
     */
    static JwtDecoder jwtDecoder(SecurityProperties.Oidc oidc) {
        NimbusJwtDecoder decoder = oidc.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && oidc.audience() != null && aud.contains(oidc.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(oidc.clockSkew()),
                new JwtIssuerValidator(oidc.issuerUri()),
                audience));
        return decoder;
    }
}
