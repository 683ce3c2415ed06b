package org.learninglog.query.web;

import org.learninglog.query.NotFoundException;
import org.learninglog.query.rebuild.RebuildAlreadyRunning;
import org.springframework.validation.BindException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletRequest;
import org.learninglog.store.availability.StoreFailure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
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
        String message = "is required: add " + ex.getParameterName() + "=… to the query";
        problem.setDetail("The query is not accepted: '" + ex.getParameterName() + "' " + message + ".");
        problem.setProperty(ERRORS, List.of(new FieldProblem(ex.getParameterName(), message)));
        return problem;
    }

    /** A timeline parameter that does not parse ({@code asOf=yesterday}) or breaks a bound. */
    @ExceptionHandler
    ProblemDetail badParameters(BindException ex) {
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.isBindingFailure()
                        ? "cannot be read: it must be " + expected(error.getField(), ex.getFieldType(error.getField()))
                        : error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, sentence(errors));
        problem.setTitle("Bad request");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
        List<FieldProblem> errors = List.of(new FieldProblem(ex.getName(),
                "cannot be read: it must be " + expected(ex.getName(), ex.getRequiredType())));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, sentence(errors));
        problem.setTitle("Bad request");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badQuery(BadQueryException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The query is not accepted: '" + ex.field() + "' " + ex.getMessage() + ".");
        problem.setTitle("Bad request");
        problem.setProperty(ERRORS, List.of(new FieldProblem(ex.field(), ex.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail rebuildRunning(RebuildAlreadyRunning ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Rebuild already running");
        problem.setProperty(ERRORS, List.of(new FieldProblem("view", "is being rebuilt")));
        return problem;
    }

    /**
     * The store cannot be reached (503) or has no room (507): a view that cannot be read is not
     * answered from memory as if it were current. Anything else of MongoDB's goes on to the error page.
     */
    @ExceptionHandler({com.mongodb.MongoException.class, de.bwaldvogel.mongo.exception.MongoServerError.class})
    ResponseEntity<ProblemDetail> storeFailure(Exception ex, HttpServletRequest request) throws Exception {
        StoreFailure failure = StoreFailure.of(ex).orElseThrow(() -> ex);
        boolean write = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(failure.status()), failure.detail(write));
        problem.setTitle(failure.title());
        return ResponseEntity.status(failure.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(failure.retryAfterSeconds()))
                .body(problem);
    }

    private static String sentence(List<FieldProblem> errors) {
        return errors.stream().map(error -> "'" + error.field() + "' " + error.message())
                .collect(java.util.stream.Collectors.joining("; ", "The query is not accepted: ", "."));
    }

    /** What a query parameter accepts, by its type (or, where the type says little, by its name). */
    private static String expected(String field, Class<?> type) {
        if (type != null && type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == java.time.Instant.class || "asOf".equals(field) || "at".equals(field)) {
            return "an ISO-8601 instant, e.g. 2026-03-01T00:00:00Z";
        }
        if (type == java.time.LocalDate.class || "from".equals(field) || "to".equals(field)) {
            return "an ISO-8601 day, e.g. 2026-03-01";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class)) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a value of the expected type";
    }
}
