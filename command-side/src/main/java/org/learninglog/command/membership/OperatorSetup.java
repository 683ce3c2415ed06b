package org.learninglog.command.membership;

import org.learninglog.events.membership.AccessRole;
import org.learninglog.events.membership.Grant;
import org.learninglog.security.Role;
import org.learninglog.security.config.SecurityProperties;
import org.learninglog.security.membership.MembershipView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * The first operator, on an installation that has none: no operator in the membership view and
 * (with local accounts) none among the configured accounts, the demo's included when they are
 * served. Then each start invites the first operator ({@code learninglog.security.first-operator},
 * {@code operator} unless given) and prints the invitation's link on the console, once, as Jenkins
 * and Grafana do: following it sets their password, or, where people sign in at an identity
 * provider, binds whoever follows it signed in there; nothing else grants operator rights. A start
 * before anyone followed it invites them again, and only the newest link is good.
 * <p>
 * The link goes to standard output, not to the log: no log line ever holds a link's secret.
 */
@Component
class OperatorSetup {

    private static final Logger log = LoggerFactory.getLogger(OperatorSetup.class);

    private final MembershipView view;
    private final Links links;
    private final SecurityProperties properties;
    private final Environment environment;
    private final org.springframework.security.core.userdetails.UserDetailsService accounts;
    private final ConfiguredAccountsImport configured;

    OperatorSetup(MembershipView view, Links links, SecurityProperties properties, Environment environment,
                  org.springframework.security.core.userdetails.UserDetailsService accounts, ConfiguredAccountsImport configured) {
        this.configured = configured;
        this.view = view;
        this.links = links;
        this.properties = properties;
        this.environment = environment;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void offerSetUpLink() {
        configured.importAll();
        if (view.hasOperator() || (!properties.oidcEnabled() && configuredOperator())) {
            return;
        }
        String operator = environment.getProperty("learninglog.security.first-operator", "operator");
        var link = links.invite(null, operator, null, List.of(Grant.of(AccessRole.OPERATOR)), "installation");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String host = environment.getProperty("server.address", "localhost");
        log.info("No operator yet: a one-time set-up link for the first operator ({}) is on the console, valid until {}",
                operator, link.expiresAt());
        PrintStream console = System.out;
        console.println();
        console.println(properties.oidcEnabled()
                ? "  Learning Log has no operator yet. Open this link once and sign in at the identity provider to become the operator:"
                : "  Learning Log has no operator yet. Open this link once to set the operator's password:");
        console.println("  http://" + host + ":" + port + link.link());
        console.println("  (user name \"" + operator + "\", good until " + link.expiresAt() + ")");
        console.println();
    }

    private boolean configuredOperator() {
        for (SecurityProperties.Account account : properties.accounts()) {
            if (account.roles().contains(Role.OPERATOR)) {
                return true;
            }
        }
        try {
            // the demo's operator, when its accounts are served
            return accounts.loadUserByUsername("operator") != null
                    && properties.demoAccounts().stream().anyMatch(a -> a.username().equals("operator"));
        } catch (org.springframework.security.core.AuthenticationException e) {
            return false;
        }
    }
}
