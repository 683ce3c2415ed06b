package org.learninglog.command.membership;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.learninglog.command.Identifiers;
import org.learninglog.events.membership.Grant;
import org.learninglog.security.Role;
import org.learninglog.security.account.AccountStore;
import org.learninglog.security.config.SecurityProperties;
import org.learninglog.security.membership.MembershipView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code learninglog.security.import-accounts=true}, each account of the configuration that
 * the membership view does not know yet becomes a member: invited and accepted at once (by
 * {@value #BY}), its password hash kept as its local account. From then on its roles are the
 * membership's, granted and revoked in the product; the configuration's roles for it are not read
 * again. An account already a member is left as it is, so a restart imports nothing twice.
 * Without the option, configured accounts keep working as they did, with their configured roles.
 */
@Component
class ConfiguredAccountsImport {

    static final String BY = "configuration";
    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccountsImport.class);

    private final SecurityProperties properties;
    private final MembershipView view;
    private final AccountStore accounts;
    private final CommandGateway commands;

    ConfiguredAccountsImport(SecurityProperties properties, MembershipView view, AccountStore accounts,
                             CommandGateway commands) {
        this.properties = properties;
        this.view = view;
        this.accounts = accounts;
        this.commands = commands;
    }

    void importAll() {
        if (!properties.importAccounts() || properties.oidcEnabled()) {
            return;
        }
        int imported = 0;
        for (SecurityProperties.Account account : properties.accounts()) {
            if (view.member(account.username()).isPresent()) {
                continue;
            }
            List<Grant> grants = new ArrayList<>();
            for (Role role : account.roles()) {
                if (role == Role.PLACE_MEMBER) {
                    account.places().forEach(place -> grants.add(Grant.placeMember(place)));
                } else {
                    grants.add(new Grant(MembershipViewUpdater.accessRole(role), null));
                }
            }
            if (grants.isEmpty()) {
                log.warn("Configured account {} holds no role and is not imported", account.username());
                continue;
            }
            boolean operator = account.roles().contains(Role.OPERATOR);
            String programmeId = operator ? null : account.programme();
            if (operator) {
                grants.removeIf(grant -> !grant.equals(Grant.of(org.learninglog.events.membership.AccessRole.OPERATOR)));
            }
            String hash = account.passwordHash().startsWith("{") ? account.passwordHash() : "{bcrypt}" + account.passwordHash();
            accounts.setPasswordHash(account.username(), hash);
            String invitationId = Identifiers.next();
            commands.sendAndWait(new InviteMemberCommand(Commands.membershipId(programmeId), programmeId, account.username(),
                    invitationId, null, grants, Instant.now(), BY));
            commands.sendAndWait(new AcceptInvitationCommand(Commands.membershipId(programmeId), programmeId,
                    account.username(), invitationId));
            imported++;
        }
        log.info("Configured accounts imported as members: {}", imported);
    }
}
