package org.learninglog.command.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.learninglog.command.DomainRuleViolation;
import org.learninglog.command.story.StoryDayRefused;
import org.learninglog.command.UnknownReference;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.ArrayList;
import java.util.List;

/**
 * The command side's one translation of failures into RFC 9457 {@code application/problem+json},
 * for its own controllers. It goes before Spring Boot's problem-details handler
 * ({@code spring.mvc.problemdetails.enabled}), which answers every other failure (an unknown URL,
 * a wrong method or media type) in the same format.
 *
 * <p>A request the edge refuses never reaches a command handler, and a command a handler refuses
 * applies no event: nothing is stored on any of these answers, except perhaps on a 503 (the
 * store stopped answering after the write reached it; its detail says so).
 */
// The token API (security module) takes a JSON body too: its unreadable bodies are answered here alike.
@RestControllerAdvice(basePackages = {"org.learninglog.command", "org.learninglog.security.token"})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemDetails {

    static final String ERRORS = "errors";

    @ExceptionHandler
    ProblemDetail invalidFields(MethodArgumentNotValidException ex) {
        return invalid(fieldProblems(ex.getBindingResult()));
    }

    /** A merge patch cleared a field the record cannot be without. */
    @ExceptionHandler
    ProblemDetail requiredValue(MergePatch.RequiredValue ex) {
        return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        StreamReadException syntax = syntaxError(ex);
        if (syntax != null) {
            // The parser's own message would echo the request's content; say only where it broke.
            JsonLocation at = syntax.getLocation();
            return unreadable("The request body is not valid JSON"
                    + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."), List.of());
        }
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            FieldProblem problem = JsonFieldProblems.of(mapping);
            return unreadable(JsonFieldProblems.sentence(List.of(problem)), List.of(problem));
        }
        StreamConstraintsException limit = cause(ex, StreamConstraintsException.class);
        if (limit != null) {
            return unreadable(JsonFieldProblems.limitExceeded(limit), List.of());
        }
        return unreadable("The request body is missing or is not a JSON object of the expected shape.", List.of());
    }

    private static ProblemDetail unreadable(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Unreadable request");
        if (!errors.isEmpty()) {
            problem.setProperty(ERRORS, errors);
        }
        return problem;
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, JsonFieldProblems.sentence(errors));
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownReference(UnknownReference ex) {
        return withField(HttpStatus.NOT_FOUND, "Unknown " + ex.kind(), ex.getMessage(),
                ex.field(), "no " + ex.kind() + " is registered under this id");
    }

    /** An update for an id that holds no record, or a record of another kind. */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ProblemDetail unknownRecord(Exception ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No record of this kind is registered under this id.");
        problem.setTitle("Unknown record");
        return problem;
    }

    /** The If-Match version is not the latest: somebody changed the record since the client read it. */
    @ExceptionHandler
    ProblemDetail staleVersion(ConflictingAggregateVersionException ex) {
        return withField(HttpStatus.CONFLICT, "Stale version",
                "The record changed since the version given in If-Match; read it again and retry.",
                "If-Match", "is not the latest version");
    }

    @ExceptionHandler
    ProblemDetail versionRequired(Versions.VersionRequired ex) {
        return withField(HttpStatus.PRECONDITION_REQUIRED, "Version required", ex.getMessage(),
                "If-Match", "is required on updates");
    }

    @ExceptionHandler
    ProblemDetail invalidVersion(Versions.InvalidVersion ex) {
        return withField(HttpStatus.BAD_REQUEST, "Invalid version", ex.getMessage(),
                "If-Match", "must be a version as given in an ETag, e.g. \"3\"");
    }

    /** A story's day in the future or before the programme's story: the client's to fix, like an unreadable day. */
    @ExceptionHandler
    ProblemDetail storyDayRefused(StoryDayRefused ex) {
        return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail ruleViolated(DomainRuleViolation ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Rule violated");
        if (ex.field() != null) {
            problem.setProperty(ERRORS, List.of(new FieldProblem(ex.field(), ex.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail membershipConflict(org.learninglog.command.membership.MembershipConflict ex) {
        return withField(HttpStatus.CONFLICT, "Membership conflict", ex.getMessage(), ex.field(), ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownMember(org.learninglog.command.membership.UnknownMember ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Unknown member");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentChange(ConcurrencyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Somebody else changed the same record at the same time; try again.");
        problem.setTitle("Concurrent change");
        return problem;
    }

    /** A programme or place registered under an id that is taken (ids may be chosen by the client). */
    @ExceptionHandler
    ProblemDetail idTaken(AggregateStreamCreationException ex) {
        return withField(HttpStatus.CONFLICT, "Id taken",
                "Something is registered under this id already; choose another or leave it out.",
                "id", "is taken");
    }

    /**
     * The store cannot be reached (503) or has no room (507), however deep in what Axon threw
     * the driver's exception lies (Spring also matches a handler on a cause). Anything else of
     * MongoDB's is not ours to explain here and goes on to the error page.
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

    /** A refusal about one field of the request, the usual shape here. */
    private static ProblemDetail withField(HttpStatus status, String title, String detail, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty(ERRORS, List.of(new FieldProblem(field, message)));
        return problem;
    }

    /** The JSON syntax error behind the failure, if that is what it is (Jackson may wrap it with a field path). */
    private static StreamReadException syntaxError(Throwable failure) {
        return cause(failure, StreamReadException.class);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static List<FieldProblem> fieldProblems(BindingResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        Class<?> target = result.getTarget() == null ? null : result.getTarget().getClass();
        result.getFieldErrors().forEach(error -> problems.add(new FieldProblem(error.getField(),
                ConstraintMessages.of(error, target))));
        result.getGlobalErrors().forEach(error -> problems.add(new FieldProblem(null, error.getDefaultMessage())));
        return problems;
    }
}
