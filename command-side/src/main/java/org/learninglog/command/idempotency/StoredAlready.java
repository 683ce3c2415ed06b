package org.learninglog.command.idempotency;

import org.learninglog.store.engine.CommandAlreadyStored;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A command the store refused because an earlier attempt of the same request stored it: the
 * request happened, so it is answered with what was stored, not as an error.
 */
@RestControllerAdvice(basePackages = "org.learninglog.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoredAlready {

    @ExceptionHandler
    ResponseEntity<StoredOutcome> storedAlready(CommandAlreadyStored ex) {
        return ResponseEntity.ok().eTag(Long.toString(ex.stored().version()))
                .header(IdempotencyFilter.REPLAYED, "true").body(StoredOutcome.of(ex.stored()));
    }
}
