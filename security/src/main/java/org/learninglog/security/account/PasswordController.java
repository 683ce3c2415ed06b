package org.learninglog.security.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.learninglog.security.CurrentMember;
import org.learninglog.security.signin.VerifiedPasswords;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member changes their own password: the current one first, then a new one that keeps the
 * rules. Every password remembered for the account is forgotten at once.
 */
@RestController
public class PasswordController {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final AccountStore store;
    private final PasswordRules rules;
    private final VerifiedPasswords verified;

    public PasswordController(AccountStore store, PasswordRules rules, VerifiedPasswords verified) {
        this.store = store;
        this.rules = rules;
        this.verified = verified;
    }

    @PostMapping("/api/me/password-changes")
    ResponseEntity<Void> change(@Valid @RequestBody PasswordChange change) {
        String memberId = CurrentMember.get().id();
        String hash = store.passwordHash(memberId).orElseThrow(() -> problem(HttpStatus.CONFLICT, "Password kept elsewhere",
                "This account's password is not kept by Learning Log (it comes from the configuration or an identity provider)."));
        if (!ENCODER.matches(change.currentPassword(), hash)) {
            throw new PasswordRefused("currentPassword", "given as the current one is not the current one");
        }
        rules.check("newPassword", memberId, change.newPassword());
        store.setPasswordHash(memberId, ENCODER.encode(change.newPassword()));
        verified.forget(memberId);
        return ResponseEntity.noContent().build();
    }

    /** A fresh hash of a password that keeps the rules (for accepting an invitation or a reset link). */
    public static String hash(String password) {
        return ENCODER.encode(password);
    }

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** Never logged: its {@code toString} hides both passwords. */
    record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[(withheld)]";
        }
    }
}
