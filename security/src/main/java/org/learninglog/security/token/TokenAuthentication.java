package org.learninglog.security.token;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;

/** A member signed in by a personal access token, with what that token allows. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final UserDetails member;
    private final TokenScope scope;

    public TokenAuthentication(UserDetails member, TokenScope scope) {
        super(member.getAuthorities());
        this.member = member;
        this.scope = scope;
        setAuthenticated(true);
    }

    public TokenScope scope() {
        return scope;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return member;
    }
}
