package org.learninglog.security.oidc;

import org.learninglog.security.Member;
import org.learninglog.security.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A member as the provider's claims describe them, for bearer tokens and web sign-in alike:
 * {@code sub}, {@code programme}, {@code roles} and {@code places}. Roles we don't know are ignored.
 */
public final class MemberClaims {

    public static final String PROGRAMME = "programme";
    public static final String ROLES = "roles";
    public static final String PLACES = "places";

    private MemberClaims() {
    }

    public static Member member(String subject, Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(claims.get(ROLES))) {
            for (Role role : Role.values()) {
                if (role.name().equals(name.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                    roles.add(role);
                }
            }
        }
        Object programme = claims.get(PROGRAMME);
        return new Member(subject, programme == null ? null : programme.toString(), roles,
                new HashSet<>(strings(claims.get(PLACES))));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}
