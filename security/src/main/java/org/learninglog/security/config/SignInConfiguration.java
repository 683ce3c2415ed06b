package org.learninglog.security.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.learninglog.security.local.LocalAccounts;
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

    @Bean
    UserDetailsService localAccounts(SecurityProperties properties) {
        LocalAccounts accounts = new LocalAccounts(properties.oidcEnabled() ? List.of() : properties.accounts());
        if (!properties.oidcEnabled()) {
            log.info("Sign-in with local accounts ({} configured)", accounts.size());
        }
        return accounts;
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
