package org.learninglog.security.config;

import java.util.Collection;
import org.learninglog.security.AccessPolicy;
import org.learninglog.security.edge.BodySizeLimit;
import org.learninglog.security.membership.MembershipView;
import org.learninglog.security.edge.CrossSiteWrites;
import org.learninglog.security.edge.CsrfCookie;
import org.learninglog.security.edge.Problems;
import org.learninglog.security.edge.RateLimit;
import org.learninglog.security.oidc.MemberJwtConverter;
import org.learninglog.security.oidc.MemberOidcUserService;
import org.learninglog.security.oidc.ProviderRegistration;
import org.learninglog.security.web.SignInPage;
import org.learninglog.security.signin.SignInThrottled;
import org.learninglog.security.token.PersonalAccessTokens;
import org.learninglog.security.token.TokenSignIn;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.www.DigestAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

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
@Import({EdgeConfiguration.class, SignInConfiguration.class, org.learninglog.security.session.StoredSessionsConfiguration.class})
public class LearningLogSecurityAutoConfiguration {

    /** Where a single-use invitation or password reset link is followed, signed out. */
    public static final String ACCEPTANCE = "/api/invitations/acceptance";
    /** Accepting an invitation signed in at the identity provider (so not open to the signed-out, unlike {@link #ACCEPTANCE}). */
    public static final String PROVIDER_ACCEPTANCE = "/api/invitations/provider-acceptance";

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, PersonalAccessTokens tokens,
                            UserDetailsService accounts, MembershipView view) throws Exception {
        // Signed in by the web UI's session, or by a token or Basic credentials on each request;
        // the API itself never starts a session.
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Following an invitation or reset link: its secret is the credential.
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, ACCEPTANCE)).permitAll()
                        .requestMatchers(CrossSiteWrites::isWrite).access(ChainRules::mayWrite)
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(
                        new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // A session cookie is sent by the browser on its own, so a write signed in by the
                // session needs the CSRF token too; a bearer token or Basic credentials is sent on
                // purpose (and cross-site writes are refused by CrossSiteWrites whatever they carry).
                .csrf(csrf -> csrf.csrfTokenRepository(ChainRules.csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(ChainRules::signedInBySessionWrite))
                .addFilterAfter(new CsrfCookie(false), CsrfFilter.class)
                .addFilterBefore(new CrossSiteWrites(), CsrfFilter.class)
                // Before the provider's bearer tokens are looked at, so a personal access token never reaches its decoder.
                .addFilterBefore(new TokenSignIn(tokens, accounts), DigestAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ChainRules.signInNeeded(properties.oidcEnabled() ? "Bearer" : ChainRules.BASIC_CHALLENGE,
                                "Sign in to use Learning Log."))
                        .accessDeniedHandler(ChainRules::refused))
                .headers(headers -> headers
                        .addHeaderWriter(ChainRules.PERMISSIONS_POLICY)
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new BodySizeLimit(properties.maxBody().toBytes(), properties.maxUpload().toBytes()), BasicAuthenticationFilter.class);
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
                    .jwt(jwt -> jwt.decoder(jwtDecoder(properties.oidc())).jwtAuthenticationConverter(new MemberJwtConverter(view))));
            http.addFilterAfter(new RateLimit(properties.rateLimit().requests(), properties.rateLimit().period()),
                    BearerTokenAuthenticationFilter.class);
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(ChainRules.signInNeeded(ChainRules.BASIC_CHALLENGE, "Sign in to use Learning Log.")));
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
    SecurityFilterChain site(HttpSecurity http, SecurityProperties properties, MembershipView view) throws Exception {
        if (properties.webSignInByOidc()) {
            http.oauth2Login(login -> login.loginPage("/sign-in")
                    .clientRegistrationRepository(new ProviderRegistration(properties.oidc()))
                    .userInfoEndpoint(user -> user.oidcUserService(new MemberOidcUserService(view)))
                    .defaultSuccessUrl("/", false).failureUrl("/sign-in?error"));
        } else {
            SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
            http.formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                    .defaultSuccessUrl("/", false)
                    .failureHandler((request, response, e) -> {
                        if (e instanceof SignInThrottled throttled) {
                            ChainRules.tooManyFailures(request, response, throttled);
                        } else {
                            wrongPassword.onAuthenticationFailure(request, response, e);
                        }
                    }));
        }
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .requestMatchers(SignInPage.ACCEPT_SIGNED_IN).authenticated()
                        .anyRequest().permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .csrf(csrf -> csrf.csrfTokenRepository(ChainRules.csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookie(true), CsrfFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(ChainRules.signInNeeded(ChainRules.BASIC_CHALLENGE, "Sign in as an operator.")))
                // Monitoring is read by tools, not people: a 401 challenge rather than the sign-in page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        ChainRules.signInNeeded(ChainRules.BASIC_CHALLENGE, "Sign in as an operator."),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
                .headers(headers -> headers
                        .addHeaderWriter(ChainRules.pagePolicy())
                        .addHeaderWriter(ChainRules.PERMISSIONS_POLICY)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
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
