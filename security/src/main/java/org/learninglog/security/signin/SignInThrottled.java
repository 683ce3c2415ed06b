package org.learninglog.security.signin;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or from this address: refused before the password is checked. */
public final class SignInThrottled extends AuthenticationException {

    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super("Too many failed sign-ins; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
