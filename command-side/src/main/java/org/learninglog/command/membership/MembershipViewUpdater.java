package org.learninglog.command.membership;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.learninglog.events.membership.AccessRole;
import org.learninglog.events.membership.Grant;
import org.learninglog.events.membership.InvitationAccepted;
import org.learninglog.events.membership.MemberInvited;
import org.learninglog.events.membership.MemberReinstated;
import org.learninglog.events.membership.MemberRemoved;
import org.learninglog.events.membership.MemberSuspended;
import org.learninglog.events.membership.PasswordResetIssued;
import org.learninglog.events.membership.ProviderSubjectBound;
import org.learninglog.events.membership.RoleGranted;
import org.learninglog.events.membership.RoleRevoked;
import org.learninglog.security.Role;
import org.learninglog.security.membership.GrantedRole;
import org.learninglog.security.membership.MemberStatus;
import org.learninglog.security.membership.MembershipChange;
import org.learninglog.security.membership.MembershipChange.Kind;
import org.learninglog.security.membership.MembershipView;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the {@link MembershipView} from the membership events. Subscribing, like the command side's
 * lookup (see {@code CommandSideConfiguration}): it runs in the thread of the command, right after
 * the events are stored, so the request after a revocation is decided on the new roles, on both
 * sides, which read the view from the same database. Every write is idempotent.
 */
@Component
@ProcessingGroup(MembershipViewUpdater.PROCESSING_GROUP)
public class MembershipViewUpdater {

    public static final String PROCESSING_GROUP = "membership-view";

    private final MembershipView view;

    public MembershipViewUpdater(MembershipView view) {
        this.view = view;
    }

    @EventHandler
    public void on(MemberInvited event, @MessageIdentifier String eventId) {
        List<GrantedRole> grants = event.grants().stream().map(MembershipViewUpdater::role).toList();
        List<MembershipChange> lines = grants.stream().map(grant -> new MembershipChange(eventId, event.recordedAt(),
                event.memberId(), Kind.INVITED, grant.role(), grant.placeId(), event.invitedBy())).toList();
        view.invited(event.programmeId(), event.memberId(), grants, lines);
    }

    @EventHandler
    public void on(InvitationAccepted event, @MessageIdentifier String eventId) {
        statusChanged(eventId, event.programmeId(), event.memberId(), event.recordedAt(),
                MemberStatus.ACTIVE, Kind.ACCEPTED, event.memberId());
    }

    @EventHandler
    public void on(ProviderSubjectBound event) {
        view.subjectBound(event.issuer(), event.subject(), event.memberId());
    }

    @EventHandler
    public void on(RoleGranted event, @MessageIdentifier String eventId) {
        GrantedRole grant = role(event.grant());
        view.granted(event.programmeId(), event.memberId(), grant,
                line(eventId, event.recordedAt(), event.memberId(), Kind.GRANTED, grant, event.grantedBy()));
    }

    @EventHandler
    public void on(RoleRevoked event, @MessageIdentifier String eventId) {
        GrantedRole grant = role(event.grant());
        view.revoked(event.programmeId(), event.memberId(), grant,
                line(eventId, event.recordedAt(), event.memberId(), Kind.REVOKED, grant, event.revokedBy()));
    }

    @EventHandler
    public void on(MemberSuspended event, @MessageIdentifier String eventId) {
        statusChanged(eventId, event.programmeId(), event.memberId(), event.recordedAt(),
                MemberStatus.SUSPENDED, Kind.SUSPENDED, event.suspendedBy());
    }

    @EventHandler
    public void on(MemberReinstated event, @MessageIdentifier String eventId) {
        statusChanged(eventId, event.programmeId(), event.memberId(), event.recordedAt(),
                MemberStatus.ACTIVE, Kind.REINSTATED, event.reinstatedBy());
    }

    @EventHandler
    public void on(MemberRemoved event, @MessageIdentifier String eventId) {
        statusChanged(eventId, event.programmeId(), event.memberId(), event.recordedAt(),
                MemberStatus.REMOVED, Kind.REMOVED, event.removedBy());
    }

    @EventHandler
    public void on(PasswordResetIssued event, @MessageIdentifier String eventId) {
        view.noted(event.programmeId(), event.memberId(),
                line(eventId, event.recordedAt(), event.memberId(), Kind.PASSWORD_RESET, null, event.issuedBy()));
    }

    /** A member's status changed: one line of the membership's history says who changed it. */
    private void statusChanged(String eventId, String programmeId, String memberId, java.time.Instant at, MemberStatus status,
                               Kind kind, String by) {
        view.statusChanged(programmeId, memberId, status, line(eventId, at, memberId, kind, null, by));
    }

    /** The role as access decisions name it. */
    static GrantedRole role(Grant grant) {
        Role role = switch (grant.role()) {
            case OPERATOR -> Role.OPERATOR;
            case PROGRAMME_ADMINISTRATOR -> Role.ADMIN;
            case PLACE_MEMBER -> Role.PLACE_MEMBER;
            case LEARNING_PARTNER -> Role.LEARNING_PARTNER;
            case FUNDER -> Role.FUNDER;
        };
        return new GrantedRole(role, grant.placeId());
    }

    static AccessRole accessRole(Role role) {
        return switch (role) {
            case OPERATOR -> AccessRole.OPERATOR;
            case ADMIN -> AccessRole.PROGRAMME_ADMINISTRATOR;
            case PLACE_MEMBER -> AccessRole.PLACE_MEMBER;
            case LEARNING_PARTNER -> AccessRole.LEARNING_PARTNER;
            case FUNDER -> AccessRole.FUNDER;
        };
    }

    private static MembershipChange line(String eventId, java.time.Instant at, String memberId, Kind kind, GrantedRole grant,
                                         String by) {
        return new MembershipChange(eventId, at, memberId, kind, grant == null ? null : grant.role(),
                grant == null ? null : grant.placeId(), by);
    }
}
