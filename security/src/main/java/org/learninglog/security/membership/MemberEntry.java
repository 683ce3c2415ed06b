package org.learninglog.security.membership;

import org.learninglog.security.Member;
import org.learninglog.security.Role;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One member in the membership view.
 *
 * @param memberId    the member identifier (their user name, or the identity provider's subject)
 * @param programmeId their programme; {@code null} for an operator of the installation
 * @param status      where they stand
 * @param grants      the roles they hold (counted only while active)
 */
public record MemberEntry(String memberId, String programmeId, MemberStatus status, List<GrantedRole> grants)
        implements java.io.Serializable {

    public MemberEntry {
        grants = List.copyOf(grants);
    }

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    /** The member as access decisions see them: of no programme and with no roles unless active. */
    public Member toMember() {
        if (!active()) {
            return new Member(memberId, null, Set.of(), Set.of());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> places = new HashSet<>();
        for (GrantedRole grant : grants) {
            roles.add(grant.role());
            if (grant.placeId() != null) {
                places.add(grant.placeId());
            }
        }
        return new Member(memberId, programmeId, roles, places);
    }

    public boolean holds(GrantedRole grant) {
        return active() && grants.contains(grant);
    }
}
