package org.learninglog.security.oidc;

import org.learninglog.security.Member;
import org.learninglog.security.MemberPrincipal;
import org.learninglog.security.membership.MembershipView;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a member from a provider's access token: the member its subject was bound to by an
 * accepted invitation, else as {@link ProviderMembers} says ({@code sub} the member identifier,
 * {@code programme}, {@code roles} and {@code places} from the claims). Unknown role names are
 * ignored rather than guessed at.
 */
public final class MemberJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ProviderMembers members;

    /** Roles and places from the membership view when it knows the subject, else from the token's claims. */
    public MemberJwtConverter(MembershipView view) {
        this.members = new ProviderMembers(view);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String issuer = jwt.getIssuer() == null ? null : jwt.getIssuer().toString();
        return new MemberToken(jwt, members.member(issuer, jwt.getSubject(), jwt.getClaims()));
    }

    /** Spring's JWT authentication that also is one of our members. */
    static final class MemberToken extends JwtAuthenticationToken implements MemberPrincipal, ProviderIdentity {

        private final transient Member member;

        MemberToken(Jwt jwt, Member member) {
            super(jwt, member.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), member.id());
            this.member = member;
        }

        @Override
        public Member member() {
            return member;
        }

        @Override
        public String issuer() {
            return getToken().getIssuer() == null ? null : getToken().getIssuer().toString();
        }

        @Override
        public String subject() {
            return getToken().getSubject();
        }
    }
}
