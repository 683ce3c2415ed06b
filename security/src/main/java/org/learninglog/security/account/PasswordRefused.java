package org.learninglog.security.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/** A new password that breaks a rule: 422, naming the field and the rule (never the password). */
public final class PasswordRefused extends ErrorResponseException {

    public PasswordRefused(String field, String rule) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(field, rule), null);
    }

    private static ProblemDetail problem(String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "The password " + rule + ".");
        problem.setTitle("Password refused");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", rule)));
        return problem;
    }
}
