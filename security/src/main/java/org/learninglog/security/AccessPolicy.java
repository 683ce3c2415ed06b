package org.learninglog.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one place that says who may read and write what. Each check either returns or refuses with
 * {@link AccessDeniedException} (answered as 403 problem+json), or with {@link OutsideProgramme}
 * (answered 404, as for an unknown id) for anything of a programme the member is not part of, after
 * logging who was refused what and where: identifiers only, never personal data.
 */
public class AccessPolicy {

    private static final Logger refusals = LoggerFactory.getLogger("org.learninglog.security.refusals");

    /** Reading anything of a programme: every role of that programme. */
    public void requireRead(String programmeId, String action) {
        requireMember(CurrentMember.get(), programmeId, action);
    }

    /** Reading one place's records: the same as the programme's. */
    public void requireReadPlace(String programmeId, String placeId, String action) {
        requireRead(programmeId, action + " of place " + placeId);
    }

    /**
     * Reading a programme's synthesis report: its administrators, learning partners and funders (and
     * operators) read the whole programme's, answered {@code null}; a place's member reads only their
     * places' part, answered as those places' ids.
     */
    public java.util.Set<String> requireReadReport(String programmeId, String action) {
        Member member = CurrentMember.get();
        requireMember(member, programmeId, action);
        if (member.isOperator() || member.has(Role.ADMIN) || member.has(Role.LEARNING_PARTNER) || member.has(Role.FUNDER)) {
            return null;
        }
        return member.placeIds();
    }

    /** Writing for a place: its members and the programme's administrators. */
    public void requireWritePlace(String programmeId, String placeId, String action) {
        Member member = CurrentMember.get();
        requireMember(member, programmeId, action + " for place " + placeId);
        boolean allowed = member.isOperator() || member.has(Role.ADMIN)
                || (member.has(Role.PLACE_MEMBER) && member.placeIds().contains(placeId));
        if (!allowed) {
            refuse(member, action, "place " + placeId + " of programme " + programmeId);
        }
    }

    /** Administering a programme: its framework, places, funders and people. */
    public void requireAdmin(String programmeId, String action) {
        Member member = CurrentMember.get();
        requireMember(member, programmeId, action);
        if (!(member.isOperator() || member.has(Role.ADMIN))) {
            refuse(member, action, "programme " + programmeId);
        }
    }

    /** Acting in a programme in one of the given roles (administrators and operators always may). */
    public void requireRole(String programmeId, String action, Role... roles) {
        Member member = CurrentMember.get();
        requireMember(member, programmeId, action);
        boolean allowed = member.isOperator() || member.has(Role.ADMIN);
        for (Role role : roles) {
            allowed |= member.has(role);
        }
        if (!allowed) {
            refuse(member, action, "programme " + programmeId);
        }
    }

    /** Running the installation: programmes, demo data, rebuilds, dead letters. */
    public void requireOperator(String action) {
        Member member = CurrentMember.get();
        if (!member.isOperator()) {
            refuse(member, action, "the installation");
        }
    }

    /** Identifiers come from paths: keep a forged one from writing lines of its own into the log. */
    private static String clean(String text) {
        String single = text.replaceAll("\\p{Cntrl}", "?");
        return single.length() > 200 ? single.substring(0, 200) + "…" : single;
    }

    private static void requireMember(Member member, String programmeId, String action) {
        if (!member.belongsTo(programmeId)) {
            refusals.warn("404 refused: member={} roles={} action=\"{}\" where=\"programme {}\"", clean(member.id()),
                    member.roles(), clean(action), clean(String.valueOf(programmeId)));
            throw new OutsideProgramme("Nothing is known here under this id.");
        }
    }

    private static void refuse(Member member, String action, String where) {
        refusals.warn("403 refused: member={} roles={} action=\"{}\" where=\"{}\"", clean(member.id()), member.roles(),
                clean(action), clean(where));
        throw new AccessDeniedException("You may not " + action + " in " + where + ".");
    }
}
