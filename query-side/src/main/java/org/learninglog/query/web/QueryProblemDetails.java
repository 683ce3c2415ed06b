package org.learninglog.query.web;

import org.learninglog.query.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/** The query side's one translation of failures into RFC 9457 {@code application/problem+json}. */
@RestControllerAdvice(basePackages = "org.learninglog.query")
public class QueryProblemDetails extends ResponseEntityExceptionHandler {

    static final String ERRORS = "errors";

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        problem.setProperty(ERRORS, List.of(new FieldProblem(ex.field(), "not found")));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setProperty(ERRORS, List.of(new FieldProblem(ex.getParameterName(), "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }
}
