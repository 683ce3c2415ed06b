package org.learninglog.security.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.Optional;

/**
 * Sign-in with a user name and password (HTTP Basic and the web UI's form), in the order that keeps
 * it cheap: a password verified lately is accepted without bcrypt; an attempt for an account or from
 * an address with too many recent failures is refused before bcrypt; only then does bcrypt run.
 */
public final class PasswordSignIn implements AuthenticationProvider {

    private final UserDetailsService accounts;
    private final DaoAuthenticationProvider bcrypt;
    private final VerifiedPasswords verified;
    private final FailedSignIns failures;

    public PasswordSignIn(UserDetailsService accounts, VerifiedPasswords verified, FailedSignIns failures) {
        this.accounts = accounts;
        this.bcrypt = new DaoAuthenticationProvider(accounts);
        this.bcrypt.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        this.verified = verified;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = addressOf(attempt);
        if (verified.isVerified(username, password)) {
            Optional<UserDetails> account = stillThere(username);
            if (account.isPresent()) {
                return signedIn(account.get(), attempt);
            }
            verified.forget(username);
        }
        Optional<Long> wait = failures.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new SignInThrottled(wait.get());
        }
        try {
            Authentication signedIn = bcrypt.authenticate(attempt);
            verified.verified(username, password);
            failures.succeeded(username, address);
            return signedIn;
        } catch (BadCredentialsException e) {
            failures.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Optional<UserDetails> stillThere(String username) {
        try {
            UserDetails account = accounts.loadUserByUsername(username);
            return account.isEnabled() && account.isAccountNonLocked() ? Optional.of(account) : Optional.empty();
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    private static Authentication signedIn(UserDetails account, Authentication attempt) {
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(account, null,
                account.getAuthorities());
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }
}
