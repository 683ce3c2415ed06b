package org.learninglog.command.membership;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.membership.MembershipRequests.Acceptance;
import org.learninglog.command.membership.MembershipRequests.Accepted;
import org.learninglog.command.membership.MembershipRequests.ProviderAcceptance;
import org.learninglog.security.account.AccountStore;
import org.learninglog.security.account.Invitation;
import org.learninglog.security.account.InvitationLinks;
import org.learninglog.security.account.PasswordController;
import org.learninglog.security.account.PasswordRules;
import org.learninglog.security.config.LearningLogSecurityAutoConfiguration;
import org.learninglog.security.config.SecurityProperties;
import org.learninglog.security.membership.MembershipView;
import org.learninglog.security.oidc.ProviderIdentity;
import org.learninglog.security.signin.VerifiedPasswords;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following a single-use link, signed out: an invitation makes the member (their password set,
 * their roles in force), a reset link sets a new password. A link never issued answers 404, one
 * expired or used 410, and nothing is granted; a password that breaks a rule answers 422 and
 * leaves the link good for another try. Where people sign in at an identity provider, the link is
 * followed signed in there instead, and binds the provider's subject to the member.
 */
@RestController
class InvitationAcceptanceController {

    private final InvitationLinks links;
    private final PasswordRules rules;
    private final AccountStore accounts;
    private final VerifiedPasswords verified;
    private final CommandGateway commands;

    private final MembershipView view;
    private final boolean atProvider;

    InvitationAcceptanceController(InvitationLinks links, PasswordRules rules, AccountStore accounts,
                                   VerifiedPasswords verified, CommandGateway commands, MembershipView view,
                                   SecurityProperties properties) {
        this.view = view;
        this.atProvider = properties.oidcEnabled();
        this.links = links;
        this.rules = rules;
        this.accounts = accounts;
        this.verified = verified;
        this.commands = commands;
    }

    @PostMapping("/api/invitations/acceptance")
    Accepted accept(@Valid @RequestBody Acceptance acceptance) {
        Invitation invitation = links.open(acceptance.token());
        if (atProvider) {
            // Nobody signs in with a password here: a member made so could never sign in, and the link would be spent.
            throw new MembershipConflict("password", "People sign in at the identity provider here: sign in there, "
                    + "then accept the invitation (POST " + LearningLogSecurityAutoConfiguration.PROVIDER_ACCEPTANCE + ").");
        }
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

    /**
     * Following an invitation link signed in at the identity provider (the web UI's sign-in or the
     * provider's bearer token): the provider's subject becomes the invited member, whose roles are
     * then the membership's. A subject bound to another member already is refused (409), and so is
     * a reset link (there is no password to set); signed in otherwise (a local account), 403.
     */
    @PostMapping(LearningLogSecurityAutoConfiguration.PROVIDER_ACCEPTANCE)
    Accepted acceptAtProvider(@Valid @RequestBody ProviderAcceptance acceptance) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        ProviderIdentity identity = signedIn == null ? null
                : signedIn instanceof ProviderIdentity token ? token
                : signedIn.getPrincipal() instanceof ProviderIdentity user ? user : null;
        if (identity == null || identity.subject() == null) {
            throw new AccessDeniedException("Only a sign-in at the identity provider can accept an invitation this way.");
        }
        Invitation invitation = links.open(acceptance.token());
        if (invitation.purpose() != Invitation.Purpose.INVITATION) {
            throw new MembershipConflict("token", "This is a password reset link; sign-in is at the identity provider.");
        }
        view.memberOfSubject(identity.issuer(), identity.subject())
                .filter(bound -> !bound.equals(invitation.memberId()))
                .ifPresent(bound -> {
                    throw new MembershipConflict("token", "You are a member here already, under another name.");
                });
        links.use(acceptance.token());
        commands.sendAndWait(new AcceptInvitationAtProviderCommand(Commands.membershipId(invitation.programmeId()),
                invitation.programmeId(), invitation.memberId(), invitation.invitationId(), identity.issuer(),
                identity.subject()));
        return new Accepted(invitation.memberId(), invitation.programmeId());
    }
}
