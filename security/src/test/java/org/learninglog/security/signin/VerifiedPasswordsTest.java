package org.learninglog.security.signin;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    private final VerifiedPasswords verified = new VerifiedPasswords(Duration.ofMinutes(5), 100);

    @Test
    void a_verified_password_is_recognised_and_no_other() {
        verified.verified("riverside", "right horse battery");
        assertThat(verified.isVerified("riverside", "right horse battery")).isTrue();
        assertThat(verified.isVerified("riverside", "wrong")).isFalse();
        assertThat(verified.isVerified("hillcrest", "right horse battery")).isFalse();
    }

    @Test
    void a_name_and_password_split_differently_are_not_the_same_pair() {
        verified.verified("ab", "c");
        assertThat(verified.isVerified("a", "bc")).isFalse();
    }

    @Test
    void forgetting_an_account_forgets_its_passwords_and_only_its_own() {
        verified.verified("riverside", "old password");
        verified.verified("hillcrest", "theirs");
        verified.forget("riverside");
        assertThat(verified.isVerified("riverside", "old password")).isFalse();
        assertThat(verified.isVerified("hillcrest", "theirs")).isTrue();
    }
}
