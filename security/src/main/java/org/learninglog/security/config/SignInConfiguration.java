package org.learninglog.security.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learninglog.security.AccessPolicy;
import org.learninglog.security.account.AccountStore;
import org.learninglog.security.account.InvitationLinks;
import org.learninglog.security.account.MemberAccounts;
import org.learninglog.security.account.PasswordController;
import org.learninglog.security.account.PasswordRules;
import org.learninglog.security.local.LocalAccounts;
import org.learninglog.security.membership.MembershipController;
import org.learninglog.security.membership.MembershipView;
import org.springframework.core.env.Environment;
import org.learninglog.security.signin.FailedSignIns;
import org.learninglog.security.signin.PasswordSignIn;
import org.learninglog.security.signin.VerifiedPasswords;
import org.learninglog.security.token.MongoTokenStore;
import org.learninglog.security.token.PersonalAccessTokens;
import org.learninglog.security.token.TokenController;
import org.learninglog.security.token.TokenStore;
import org.learninglog.security.web.MeController;
import org.learninglog.security.web.SignInPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may sign in and how: the local accounts, the one password check (remembered for a while,
 * throttled after failures), personal access tokens, the sign-in page and {@code /api/me}.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    /**
     * Local accounts kept in the store (roles from the membership view), then those of the
     * configuration: yours, and beside them the demo's while {@link DemoAccountsGate} lets them in
     * (a name of yours wins over the demo's, with a warning, rather than silently).
     */
    @Bean
    UserDetailsService localAccounts(SecurityProperties properties, Environment environment, AccountStore store,
                                     MembershipView view) {
        if (properties.oidcEnabled()) {
            return new MemberAccounts(store, view, new LocalAccounts(List.of()));
        }
        Map<String, SecurityProperties.Account> accounts = new LinkedHashMap<>();
        if (DemoAccountsGate.open(environment, properties)) {
            properties.demoAccounts().forEach(account -> accounts.put(account.username(), account));
        }
        for (SecurityProperties.Account account : properties.accounts()) {
            if (accounts.put(account.username(), account) != null) {
                log.warn("The configured account {} is used instead of the demo account of the same name", account.username());
            }
        }
        LocalAccounts configured = new LocalAccounts(List.copyOf(accounts.values()));
        log.info("Sign-in with local accounts ({} configured, and those kept in the store)", configured.size());
        return new MemberAccounts(store, view, configured);
    }

    @Bean
    MembershipView membershipView(ObjectProvider<MongoDatabase> database) {
        return new MembershipView(database.getObject());
    }

    @Bean
    AccountStore accountStore(ObjectProvider<MongoDatabase> database) {
        return new AccountStore(database.getObject());
    }

    @Bean
    InvitationLinks invitationLinks(ObjectProvider<MongoDatabase> database) {
        return new InvitationLinks(database.getObject(), Clock.systemUTC());
    }

    @Bean
    PasswordRules passwordRules() {
        return new PasswordRules();
    }

    @Bean
    MembershipController membershipController(MembershipView view, AccessPolicy policy) {
        return new MembershipController(view, policy);
    }

    @Bean
    PasswordController passwordController(AccountStore store, PasswordRules rules, VerifiedPasswords verified) {
        return new PasswordController(store, rules, verified);
    }

    /**
     * The one way to check a user name and password (Basic and the form): published as the only
     * {@link AuthenticationProvider}, so Spring Security builds no second bcrypt check beside it.
     */
    @Bean
    PasswordSignIn passwordSignIn(UserDetailsService accounts, VerifiedPasswords verified, SecurityProperties properties) {
        SecurityProperties.FailedSignInLimits limits = properties.failedSignIns();
        return new PasswordSignIn(accounts, verified,
                new FailedSignIns(limits.perAccountAndAddress(), limits.perAddress(), limits.perAccount()));
    }

    /** Exposed so that whatever changes a password (issue 18's accounts) can forget the old one at once. */
    @Bean
    VerifiedPasswords verifiedPasswords(SecurityProperties properties) {
        return new VerifiedPasswords(properties.passwordsRemembered(), 10_000);
    }

    @Bean
    PersonalAccessTokens personalAccessTokens(ObjectProvider<TokenStore> stores, ObjectProvider<MongoDatabase> database) {
        TokenStore store = stores.getIfAvailable(() -> new MongoTokenStore(database.getObject()));
        return new PersonalAccessTokens(store, Clock.systemUTC());
    }

    @Bean
    TokenController tokenController(PersonalAccessTokens tokens, UserDetailsService accounts) {
        return new TokenController(tokens, accounts);
    }

    @Bean
    SignInPage signInPage(SecurityProperties properties) {
        return new SignInPage(properties.webSignInByOidc());
    }

    @Bean
    MeController meController() {
        return new MeController();
    }
}
