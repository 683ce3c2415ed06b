package org.learninglog.query.web;

import org.learninglog.query.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The query side's one translation of failures into RFC 9457 {@code application/problem+json},
 * for its own controllers. It goes before Spring Boot's problem-details handler
 * ({@code spring.mvc.problemdetails.enabled}), which answers every other failure in the same format.
 */
@RestControllerAdvice(basePackages = "org.learninglog.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblemDetails {

    static final String ERRORS = "errors";

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        problem.setProperty(ERRORS, List.of(new FieldProblem(ex.field(), "not found")));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
        ProblemDetail problem = ex.getBody();
        problem.setProperty(ERRORS, List.of(new FieldProblem(ex.getParameterName(), "is required")));
        return problem;
    }
}
