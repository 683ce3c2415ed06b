package org.learninglog.command.membership;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.membership.MembershipRequests.Acceptance;
import org.learninglog.command.membership.MembershipRequests.Accepted;
import org.learninglog.security.account.AccountStore;
import org.learninglog.security.account.Invitation;
import org.learninglog.security.account.InvitationLinks;
import org.learninglog.security.account.PasswordController;
import org.learninglog.security.account.PasswordRules;
import org.learninglog.security.signin.VerifiedPasswords;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following a single-use link, signed out: an invitation makes the member (their password set,
 * their roles in force), a reset link sets a new password. A link never issued answers 404, one
 * expired or used 410, and nothing is granted; a password that breaks a rule answers 422 and
 * leaves the link good for another try.
 */
@RestController
class InvitationAcceptanceController {

    private final InvitationLinks links;
    private final PasswordRules rules;
    private final AccountStore accounts;
    private final VerifiedPasswords verified;
    private final CommandGateway commands;

    InvitationAcceptanceController(InvitationLinks links, PasswordRules rules, AccountStore accounts,
                                   VerifiedPasswords verified, CommandGateway commands) {
        this.links = links;
        this.rules = rules;
        this.accounts = accounts;
        this.verified = verified;
        this.commands = commands;
    }

    @PostMapping("/api/invitations/acceptance")
    Accepted accept(@Valid @RequestBody Acceptance acceptance) {
        Invitation invitation = links.open(acceptance.token());
        rules.check("password", invitation.memberId(), acceptance.password());
        links.use(acceptance.token());
        accounts.setPasswordHash(invitation.memberId(), PasswordController.hash(acceptance.password()));
        verified.forget(invitation.memberId());
        if (invitation.purpose() == Invitation.Purpose.INVITATION) {
            commands.sendAndWait(new AcceptInvitationCommand(Commands.membershipId(invitation.programmeId()),
                    invitation.programmeId(), invitation.memberId(), invitation.invitationId()));
        }
        return new Accepted(invitation.memberId(), invitation.programmeId());
    }
}
