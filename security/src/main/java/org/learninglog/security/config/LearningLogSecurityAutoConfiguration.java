package org.learninglog.security.config;

import org.learninglog.security.AccessPolicy;
import org.learninglog.security.edge.BodySizeLimit;
import org.learninglog.security.edge.HostileJson;
import org.learninglog.security.edge.Problems;
import org.learninglog.security.edge.RateLimit;
import org.learninglog.security.local.LocalAccounts;
import org.learninglog.security.oidc.MemberJwtConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.Collection;
import java.util.List;

/**
 * Sign-in and the edge for whichever side (or both) runs in this process. With an OpenID Connect
 * issuer configured, the API takes bearer tokens from it (issuer, audience, expiry and RS256
 * signature all checked); otherwise it takes HTTP Basic sign-in against the local accounts of the
 * configuration. Everything under {@code /api} needs a signed-in member; what each may do there is
 * {@link AccessPolicy}'s to say.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class LearningLogSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LearningLogSecurityAutoConfiguration.class);

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
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

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens and Basic credentials are sent by the client on purpose, never by a
                // browser on its own, so the API needs no CSRF token (the web UI's pages do).
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", properties.oidcEnabled() ? "Bearer" : "Basic realm=\"Learning Log\"");
                            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                                    "Sign in to use Learning Log.");
                        })
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Not allowed", "You may not do this here.")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new BodySizeLimit(properties.maxBody().toBytes()), BasicAuthenticationFilter.class);
        if (properties.oidcEnabled()) {
            BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
            http.oauth2ResourceServer(server -> server
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
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Learning Log\"");
                Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in needed", "Sign in to use Learning Log.");
            }));
            http.addFilterAfter(new RateLimit(properties.rateLimit().requests(), properties.rateLimit().period()),
                    BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    /**
     * Everything outside the API: the web pages and documentation are open (the pages sign in
     * themselves), health is open for probes, other Actuator endpoints are the operator's.
     */
    @Bean
    @Order(2)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .anyRequest().permitAll())
                .httpBasic(basic -> { })
                .headers(headers -> headers
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
