package org.learninglog.security.oidc;

import org.learninglog.security.Member;
import org.learninglog.security.MemberPrincipal;
import org.learninglog.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a member from a provider's access token: {@code sub} is the member identifier,
 * {@code programme} their programme, {@code roles} and {@code places} lists of strings. Unknown
 * role names are ignored rather than guessed at.
 */
public final class MemberJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String PROGRAMME = "programme";
    public static final String ROLES = "roles";
    public static final String PLACES = "places";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : list(jwt, ROLES)) {
            for (Role role : Role.values()) {
                if (role.name().equals(name.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                    roles.add(role);
                }
            }
        }
        Member member = new Member(jwt.getSubject(), jwt.getClaimAsString(PROGRAMME), roles, new HashSet<>(list(jwt, PLACES)));
        return new MemberToken(jwt, member);
    }

    private static List<String> list(Jwt jwt, String claim) {
        List<String> values = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : null;
        return values == null ? List.of() : values;
    }

    /** Spring's JWT authentication that also is one of our members. */
    static final class MemberToken extends JwtAuthenticationToken implements MemberPrincipal {

        private final transient Member member;

        MemberToken(Jwt jwt, Member member) {
            super(jwt, member.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), member.id());
            this.member = member;
        }

        @Override
        public Member member() {
            return member;
        }
    }
}
