package org.learninglog.security.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.security.MemberPrincipal;
import org.learninglog.security.edge.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Signs in a request that carries {@code Authorization: Bearer ll_pat_…}. Who the member is (roles,
 * places) is asked of the accounts at each use, not kept with the token, so a member's changed
 * roles or removed account count at once. Other bearer tokens are left to the OpenID Connect
 * provider's decoder, if there is one.
 */
public final class TokenSignIn extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final PersonalAccessTokens tokens;
    private final UserDetailsService accounts;

    public TokenSignIn(PersonalAccessTokens tokens, UserDetailsService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** The personal access token a request carries, if it carries one. */
    public static String tokenOf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String credentials = authorization.substring(BEARER.length()).trim();
        return PersonalAccessTokens.isToken(credentials) ? credentials : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenAuthentication> signedIn = tokens.check(token).flatMap(this::signIn);
        if (signedIn.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                    "The personal access token is unknown or revoked.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<TokenAuthentication> signIn(PersonalAccessToken token) {
        try {
            UserDetails member = accounts.loadUserByUsername(token.member());
            if (!(member instanceof MemberPrincipal) || !member.isEnabled() || !member.isAccountNonLocked()) {
                return Optional.empty();
            }
            return Optional.of(new TokenAuthentication(member, token.scope()));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
