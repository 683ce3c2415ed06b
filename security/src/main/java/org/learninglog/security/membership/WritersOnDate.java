package org.learninglog.security.membership;

import org.learninglog.security.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who could write for a place at a moment, from the membership history alone: the programme's
 * active administrators and the place's active members then, and the installation's active
 * operators then. A pure fold, so the answer for a past moment never depends on what came after.
 */
public final class WritersOnDate {

    private WritersOnDate() {
    }

    /** A member who could write, and in which role. */
    public record Writer(String memberId, Role role) {
    }

    public static List<Writer> writers(List<MembershipChange> programme, List<MembershipChange> installation,
                                       String placeId, Instant at) {
        List<Writer> writers = new ArrayList<>();
        for (String operator : holders(installation, at, Role.OPERATOR, null)) {
            writers.add(new Writer(operator, Role.OPERATOR));
        }
        for (String admin : holders(programme, at, Role.ADMIN, null)) {
            writers.add(new Writer(admin, Role.ADMIN));
        }
        for (String member : holders(programme, at, Role.PLACE_MEMBER, placeId)) {
            writers.add(new Writer(member, Role.PLACE_MEMBER));
        }
        return writers;
    }

    private static Set<String> holders(List<MembershipChange> history, Instant at, Role role, String placeId) {
        Map<String, MemberStatus> status = new HashMap<>();
        Set<String> holding = new HashSet<>();
        for (MembershipChange line : history) {
            if (line.at().isAfter(at)) {
                break;
            }
            boolean thisRole = line.role() == role && (placeId == null || placeId.equals(line.placeId()));
            switch (line.kind()) {
                case INVITED -> {
                    status.put(line.memberId(), MemberStatus.INVITED);
                    if (thisRole) {
                        holding.add(line.memberId());
                    }
                }
                case ACCEPTED, REINSTATED -> status.put(line.memberId(), MemberStatus.ACTIVE);
                case SUSPENDED -> status.put(line.memberId(), MemberStatus.SUSPENDED);
                case REMOVED -> {
                    status.put(line.memberId(), MemberStatus.REMOVED);
                    holding.remove(line.memberId());
                }
                case GRANTED -> {
                    if (thisRole) {
                        holding.add(line.memberId());
                    }
                }
                case REVOKED -> {
                    if (thisRole) {
                        holding.remove(line.memberId());
                    }
                }
                case PASSWORD_RESET -> {
                    // a new password changes nothing about what they may do
                }
            }
        }
        Set<String> active = new TreeSet<>();
        for (String member : holding) {
            if (status.get(member) == MemberStatus.ACTIVE) {
                active.add(member);
            }
        }
        return active;
    }
}
