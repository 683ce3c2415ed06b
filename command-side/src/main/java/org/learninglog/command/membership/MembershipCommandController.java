package org.learninglog.command.membership;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.Identifiers;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.membership.MembershipRequests.InviteRequest;
import org.learninglog.command.membership.MembershipRequests.IssuedLink;
import org.learninglog.command.membership.MembershipRequests.MemberPatch;
import org.learninglog.command.membership.MembershipRequests.OperatorInviteRequest;
import org.learninglog.command.membership.MembershipRequests.RoleRequest;
import org.learninglog.events.membership.Grant;
import org.learninglog.security.AccessPolicy;
import org.learninglog.security.membership.GrantedRole;
import org.learninglog.security.membership.MemberEntry;
import org.learninglog.security.membership.MembershipView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Changing who belongs to a programme: invite, change roles or suspend (a merge patch of the
 * member), remove, and give a new password link. A programme's administrators manage its members
 * (administrators included: they hold that role); the operators manage every programme's, and are
 * the only ones who appoint operators. Nobody can grant a role they do not hold: an administrator
 * asking to appoint an operator is refused 403, as is anybody but an administrator asking anything here.
 */
@RestController
class MembershipCommandController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final CommandGateway commands;
    private final WriteAccess access;
    private final AccessPolicy policy;
    private final MembershipView view;
    private final Links links;

    MembershipCommandController(CommandGateway commands, WriteAccess access, AccessPolicy policy, MembershipView view,
                                Links links) {
        this.commands = commands;
        this.access = access;
        this.policy = policy;
        this.view = view;
        this.links = links;
    }

    @PostMapping("/api/programmes/{programmeId}/invitations")
    ResponseEntity<IssuedLink> invite(@PathVariable String programmeId, @Valid @RequestBody InviteRequest request) {
        policy.requireAdmin(programmeId, "invite a member");
        List<Grant> grants = request.roles().stream().map(RoleRequest::grant).toList();
        IssuedLink link = links.invite(programmeId, request.memberId(), request.email(), grants, access.actor());
        return ResponseEntity.created(at("/api/programmes/{programmeId}/members/{memberId}", programmeId, request.memberId())).body(link);
    }

    @PostMapping("/api/operators/invitations")
    ResponseEntity<IssuedLink> inviteOperator(@Valid @RequestBody OperatorInviteRequest request) {
        policy.requireOperator("appoint an operator");
        IssuedLink link = links.invite(null, request.memberId(), request.email(),
                List.of(Grant.of(org.learninglog.events.membership.AccessRole.OPERATOR)), access.actor());
        return ResponseEntity.created(at("/api/operators/{memberId}", request.memberId())).body(link);
    }

    /** Roles are replaced by those given (granted first, then revoked, so that handing over never leaves nobody). */
    @PatchMapping(path = "/api/programmes/{programmeId}/members/{memberId}", consumes = {MERGE_PATCH, "application/json"})
    ResponseEntity<Void> change(@PathVariable String programmeId, @PathVariable String memberId,
                                @Valid @RequestBody MemberPatch patch) {
        policy.requireAdmin(programmeId, "change a member's roles");
        String membershipId = Commands.membershipId(programmeId);
        if (patch.roles() != null) {
            List<Grant> wanted = patch.roles().stream().map(RoleRequest::grant).distinct().toList();
            List<Grant> held = view.member(memberId).filter(entry -> programmeId.equals(entry.programmeId()))
                    .map(MemberEntry::grants).orElseThrow(() -> new UnknownMember(memberId)).stream()
                    .map(MembershipCommandController::grant).toList();
            List<Grant> revoked = new ArrayList<>(held);
            revoked.removeAll(wanted);
            for (Grant grant : wanted) {
                if (!held.contains(grant)) {
                    commands.sendAndWait(new ChangeRoleCommand(membershipId, programmeId, memberId, grant, true, access.actor()));
                }
            }
            for (Grant grant : revoked) {
                commands.sendAndWait(new ChangeRoleCommand(membershipId, programmeId, memberId, grant, false, access.actor()));
            }
        }
        if (patch.status() != null) {
            commands.sendAndWait(new ChangeMemberStatusCommand(membershipId, programmeId, memberId,
                    patch.status() == MembershipRequests.StatusChange.SUSPENDED ? ChangeMemberStatusCommand.Change.SUSPEND
                            : ChangeMemberStatusCommand.Change.REINSTATE, access.actor()));
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/programmes/{programmeId}/members/{memberId}")
    ResponseEntity<Void> remove(@PathVariable String programmeId, @PathVariable String memberId) {
        policy.requireAdmin(programmeId, "remove a member");
        commands.sendAndWait(new ChangeMemberStatusCommand(Commands.membershipId(programmeId), programmeId, memberId,
                ChangeMemberStatusCommand.Change.REMOVE, access.actor()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/operators/{memberId}")
    ResponseEntity<Void> removeOperator(@PathVariable String memberId) {
        policy.requireOperator("remove an operator");
        commands.sendAndWait(new ChangeMemberStatusCommand(Commands.membershipId(null), null, memberId,
                ChangeMemberStatusCommand.Change.REMOVE, access.actor()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/programmes/{programmeId}/members/{memberId}/password-resets")
    ResponseEntity<IssuedLink> reset(@PathVariable String programmeId, @PathVariable String memberId) {
        policy.requireAdmin(programmeId, "reset a member's password");
        IssuedLink link = links.reset(programmeId, memberId, access.actor());
        return ResponseEntity.created(at("/api/programmes/{programmeId}/members/{memberId}", programmeId, memberId)).body(link);
    }

    /** The e-mail address they were invited at is erased, as a person's name is; their membership stays. */
    @PostMapping("/api/programmes/{programmeId}/members/{memberId}/erasure")
    ResponseEntity<Void> erase(@PathVariable String programmeId, @PathVariable String memberId) {
        policy.requireAdmin(programmeId, "erase a member's e-mail address");
        commands.sendAndWait(new EraseMemberContactCommand(Commands.membershipId(programmeId), programmeId, memberId,
                access.actor()));
        return ResponseEntity.noContent().build();
    }

    /** An absolute Location, as every other create answers (ids encoded as path segments). */
    private static URI at(String path, Object... ids) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(ids).toUri();
    }

    private static Grant grant(GrantedRole role) {
        return new Grant(MembershipViewUpdater.accessRole(role.role()), role.placeId());
    }

    static String newInvitationId() {
        return Identifiers.next();
    }
}
