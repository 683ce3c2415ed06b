package org.learninglog.security.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();

    @Test
    void the_shipped_list_holds_ten_thousand_passwords() {
        assertThat(rules.commonPasswords()).isBetween(9_900, 10_000);
    }

    @Test
    void twelve_characters_of_any_kind_are_enough_and_no_composition_is_asked_for() {
        assertThatCode(() -> rules.check("password", "ada", "horse battery")).doesNotThrowAnyException();
        assertThatCode(() -> rules.check("password", "ada", "ééééééééééééé")).doesNotThrowAnyException();
    }

    @Test
    void eleven_characters_are_too_few() {
        assertThatThrownBy(() -> rules.check("password", "ada", "abcdefghijk")).isInstanceOf(PasswordRefused.class)
                .hasMessageContaining("at least 12");
    }

    @Test
    void a_common_password_of_twelve_characters_is_refused_whatever_its_case() {
        assertThatThrownBy(() -> rules.check("password", "ada", "1QAZ2WSX3EDC")).isInstanceOf(PasswordRefused.class)
                .hasMessageContaining("most common");
    }

    @Test
    void the_user_name_inside_the_password_is_refused() {
        assertThatThrownBy(() -> rules.check("password", "riverside", "riverside-2025!")).isInstanceOf(PasswordRefused.class);
    }

    @Test
    void more_than_bcrypt_reads_is_refused_rather_than_cut_silently() {
        assertThatThrownBy(() -> rules.check("password", "ada", "x".repeat(65))).isInstanceOf(PasswordRefused.class);
        assertThatThrownBy(() -> rules.check("password", "ada", "é".repeat(40))).isInstanceOf(PasswordRefused.class);
    }

    @Test
    void the_refusal_never_repeats_the_password() {
        assertThatThrownBy(() -> rules.check("password", "ada", "1qaz2wsx3edc"))
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("1qaz2wsx3edc"));
    }
}
