package org.learninglog.command.membership;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.Identifiers;
import org.learninglog.command.membership.MembershipRequests.IssuedLink;
import org.learninglog.events.membership.Grant;
import org.learninglog.security.account.AccountStore;
import org.learninglog.security.account.Invitation;
import org.learninglog.security.account.InvitationLinks;
import org.learninglog.security.config.SecurityProperties;
import org.learninglog.security.signin.VerifiedPasswords;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Records an invitation or a password reset, then makes its single-use link. The command comes
 * first, so a refused one leaves no link behind; the link's secret is answered once and kept nowhere.
 */
@Component
class Links {

    /** The page that takes a link; its secret follows in the fragment. */
    static final String PAGE = "/accept-invitation.html#token=";

    private final CommandGateway commands;
    private final InvitationLinks links;
    private final AccountStore accounts;
    private final VerifiedPasswords verified;
    private final SecurityProperties properties;

    Links(CommandGateway commands, InvitationLinks links, AccountStore accounts, VerifiedPasswords verified,
          SecurityProperties properties) {
        this.commands = commands;
        this.links = links;
        this.accounts = accounts;
        this.verified = verified;
        this.properties = properties;
    }

    IssuedLink invite(String programmeId, String memberId, String email, List<Grant> grants, String by) {
        String invitationId = Identifiers.next();
        Instant expiresAt = links.now().plus(properties.invitationsExpireAfter());
        commands.sendAndWait(new InviteMemberCommand(Commands.membershipId(programmeId), programmeId, memberId,
                invitationId, email, grants, expiresAt, by));
        String token = links.issue(new Invitation(invitationId, memberId, programmeId, Invitation.Purpose.INVITATION, expiresAt));
        return new IssuedLink(memberId, invitationId, PAGE + token, expiresAt);
    }

    /** The member's password stops working at once; the link sets a new one. */
    IssuedLink reset(String programmeId, String memberId, String by) {
        String invitationId = Identifiers.next();
        Instant expiresAt = links.now().plus(properties.invitationsExpireAfter());
        commands.sendAndWait(new IssuePasswordResetCommand(Commands.membershipId(programmeId), programmeId, memberId,
                invitationId, expiresAt, by));
        accounts.clearPassword(memberId);
        verified.forget(memberId);
        String token = links.issue(new Invitation(invitationId, memberId, programmeId, Invitation.Purpose.PASSWORD_RESET, expiresAt));
        return new IssuedLink(memberId, invitationId, PAGE + token, expiresAt);
    }
}
