package org.learninglog.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.learninglog.store.engine.CommandAlreadyStored;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A command the store refused because an earlier attempt of the same request stored it while this
 * one ran (that attempt's lease had run out, yet it was still running). The request happened, but
 * this attempt cannot give its answer: it answers 409 with {@code Retry-After}, and the key's claim
 * stays (see {@link IdempotencyFilter}), so that sending it again gives the first attempt's answer.
 */
@RestControllerAdvice(basePackages = "org.learninglog.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoredAlready {

    static final String ATTRIBUTE = StoredAlready.class.getName();

    @ExceptionHandler
    ResponseEntity<ProblemDetail> storedAlready(CommandAlreadyStored ex, HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, ex.stored().commandId());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "An earlier attempt of this "
                + "request stored it while this one ran; send it again (with its Idempotency-Key) for its answer.");
        problem.setTitle("Stored by an earlier attempt");
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }
}
