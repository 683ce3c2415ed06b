package org.learninglog.command.idempotency;

import org.learninglog.security.CurrentMember;
import org.learninglog.store.engine.CommandReceipt;
import org.learninglog.store.engine.StoredCommands;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/**
 * How a client learns what became of a write whose answer it did not get: by its command id (every
 * write's answer carries it in {@code X-Command-Id}, and a 5xx problem names the request id, which is
 * the same for a request without a key), or by the {@code Idempotency-Key} it sent. Only the member
 * who sent a write can ask about it; to anybody else it is unknown (404), like a write that never was.
 */
@RestController
class Outcomes {

    static final String COMMAND_ID_HEADER = "X-Command-Id";

    private final StoredCommands storedCommands;
    private final IdempotencyRecords records;

    Outcomes(StoredCommands storedCommands, IdempotencyRecords records) {
        this.storedCommands = storedCommands;
        this.records = records;
    }

    /** Whether the write with this command id is stored, and what it stored. */
    @GetMapping("/api/commands/{commandId}")
    ResponseEntity<StoredOutcome> command(@PathVariable String commandId) {
        String member = CurrentMember.get().id();
        Optional<CommandReceipt.Stored> stored = storedCommands.storedCommand(commandId)
                .filter(found -> member.equals(found.sentBy()));
        return stored.map(found -> ResponseEntity.ok().eTag(Long.toString(found.version())).body(StoredOutcome.of(found)))
                .orElseThrow(() -> new NotStored("No write of yours with this command id is stored. If its request is "
                        + "still running, ask again in a moment; if it ended, nothing of it was stored."));
    }

    /**
     * What a key of the signed-in member holds: the answer given, what was stored, or that a
     * request with it is running (and until when it may hold the key).
     */
    @GetMapping("/api/idempotency-keys/{key}")
    KeyState key(@PathVariable String key) {
        String id = IdempotencyFilter.scope(CurrentMember.get().id(), key);
        IdempotencyRecords.Claim claim = records.find(id).orElseThrow(() -> new NotStored(
                "No request of yours holds this key: it was never used, or its request was refused and stored nothing."));
        if (claim.answer() != null) {
            return new KeyState("answered", claim.commandId(), claim.answer().status(), claim.answer().location(), null, null);
        }
        Optional<CommandReceipt.Stored> stored = storedCommands.storedCommand(claim.commandId());
        if (stored.isPresent()) {
            return new KeyState("stored", claim.commandId(), null, null, StoredOutcome.of(stored.get()), null);
        }
        return new KeyState(claim.retryable() ? "not-stored" : "running", claim.commandId(), null, null, null,
                claim.retryable() ? null : claim.leaseUntil());
    }

    @ExceptionHandler
    ProblemDetail notStored(NotStored ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not stored");
        return problem;
    }

    /**
     * What an {@code Idempotency-Key} holds.
     *
     * @param state      {@code answered}, {@code stored} (its answer was lost, its write is in the store),
     *                   {@code running}, or {@code not-stored} (its last attempt failed or stopped before
     *                   storing anything: send the request again with the key)
     * @param commandId  the id of its command
     * @param status     the status it was answered with
     * @param location   the answer's {@code Location}, if any
     * @param stored     what the store holds of it
     * @param leaseUntil until when the running attempt holds the key
     */
    record KeyState(String state, String commandId, Integer status, String location, StoredOutcome stored,
                    Instant leaseUntil) {
    }

    static final class NotStored extends RuntimeException {
        NotStored(String message) {
            super(message);
        }
    }
}
