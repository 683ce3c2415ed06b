package org.learninglog.command.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.command.web.FieldProblem;
import org.learninglog.security.CurrentMember;
import org.learninglog.security.Member;
import org.learninglog.security.edge.Problems;
import org.learninglog.store.engine.CommandReceipt;
import org.learninglog.store.engine.StoredCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.learninglog.command.web.ApiWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Honours an {@code Idempotency-Key} header on every write of the API, so that a client that did
 * not learn what became of a write can always send it again and learn. A key belongs to the signed-in
 * member who sent it (this filter runs after sign-in; another member's same key is another key) and
 * names one request: the same key with another method, address or body is refused (422).
 *
 * <h2>Why no key is ever stuck</h2>
 * Every attempt of a keyed request sends the same command id ({@link CommandIds}), and the store
 * keeps at most one commit per command id ({@link CommandReceipt}). So for a key already claimed:
 * <ol>
 *   <li>answered: the first answer is given again;</li>
 *   <li>its command's events are in the store (the first answer was lost with its process): the
 *       request runs again to give that answer, the same status, {@code Location} and body, its command
 *       answered from the store rather than handled ({@link Replays}), the identifiers it makes the
 *       first attempt's ({@link CommandIds#use});</li>
 *   <li>the last attempt failed with a server error, or its lease ran out (its process died): a new
 *       attempt runs at once under the same command id; should the old one still be running and
 *       store first, the new one is refused by the store and answers 409 with {@code Retry-After},
 *       its claim left failed, so that the next attempt finds the command stored: case 2;</li>
 *   <li>otherwise an attempt is running: 409 with {@code Retry-After}, never longer than the lease.</li>
 * </ol>
 * Nothing else can hold a key: a refusal (4xx) deletes the claim, and every other end of an attempt
 * is one of the above. Every answer given again carries {@code Idempotent-Replayed: true}.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyRecords records;
    private final StoredCommands storedCommands;
    private final Clock clock;
    private final Duration lease;

    IdempotencyFilter(IdempotencyRecords records, StoredCommands storedCommands, Clock clock,
                      @Value("${learninglog.idempotency.lease:30s}") Duration lease) {
        this.records = records;
        this.storedCommands = storedCommands;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiWrites.isApiWrite(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientKey = request.getHeader(HEADER);
        Optional<Member> member = CurrentMember.find();
        if (clientKey == null || member.isEmpty()) {
            response.setHeader(Outcomes.COMMAND_ID_HEADER, CommandIds.of(request));
            chain.doFilter(request, response);
            return;
        }
        if (clientKey.isBlank() || clientKey.length() > MAX_KEY_LENGTH) {
            keyProblem(request, response, HttpStatus.BAD_REQUEST, "Invalid idempotency key",
                    "The key must hold 1 to " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String id = scope(member.get().id(), clientKey);
        String fingerprint = sha256((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8), body);
        String attempt = UUID.randomUUID().toString();
        Optional<IdempotencyRecords.Claim> earlier = records.claim(id, member.get().id(), fingerprint,
                CommandIds.of(request), attempt, lease);
        if (earlier.isEmpty()) {
            run(id, CommandIds.of(request), attempt, false, new CachedBodyRequest(request, body), response, chain);
            return;
        }
        IdempotencyRecords.Claim claim = earlier.get();
        if (!claim.fingerprint().equals(fingerprint)) {
            keyProblem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                    "This key was used for another request (another address or body); use a new key for a new request.");
        } else if (claim.answer() != null) {
            response.setHeader(Outcomes.COMMAND_ID_HEADER, claim.commandId());
            answerAgain(claim.answer(), response);
        } else {
            Optional<CommandReceipt.Stored> stored = storedCommands.storedCommand(claim.commandId());
            if (stored.isPresent()) {
                run(id, claim.commandId(), claim.attempt(), true, new CachedBodyRequest(request, body), response, chain);
                return;
            }
            Optional<String> takenOver = claim.retryable() ? records.takeOver(id, claim, lease) : Optional.empty();
            if (takenOver.isPresent()) {
                run(id, claim.commandId(), takenOver.get(), false, new CachedBodyRequest(request, body), response, chain);
            } else {
                long seconds = Math.max(1, Duration.between(clock.instant(), claim.leaseUntil()).toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                keyProblem(request, response, HttpStatus.CONFLICT, "Request in progress",
                        "A request with this key is still being processed; retry in " + seconds + " s.");
            }
        }
    }

    /**
     * One attempt of the request; its end decides what the key holds. A replay (its command stored
     * already) only answers: whatever it answers, it never frees the key, as the request happened.
     */
    private void run(String id, String commandId, String attempt, boolean replay, HttpServletRequest request,
                     HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        CommandIds.use(request, commandId);
        if (replay) {
            CommandIds.replay(request);
            response.setHeader(REPLAYED, "true");
        }
        response.setHeader(Outcomes.COMMAND_ID_HEADER, commandId);
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        boolean ended = false;
        try {
            chain.doFilter(request, recording);
            int status = recording.getStatus();
            if (request.getAttribute(StoredAlready.ATTRIBUTE) != null) {
                // stored by an earlier attempt: left failed, the next attempt finds it stored (case 2)
            } else if (status >= 200 && status < 300) {
                endAttempt(() -> records.answered(id, attempt, new IdempotencyRecords.StoredAnswer(status,
                        recording.getContentType(), recording.getHeader(HttpHeaders.LOCATION),
                        recording.getHeader(HttpHeaders.ETAG), recording.getContentAsByteArray())));
                ended = true;
            } else if (status < 500 && !replay) {
                endAttempt(() -> records.release(id, attempt));
                ended = true;
            }
        } finally {
            if (!ended) {
                endAttempt(() -> records.failed(id, attempt));
            }
            recording.copyBodyToResponse();
        }
    }

    /**
     * Saving how an attempt ended may fail too (the store may be why it failed): the claim then
     * stays running until its lease ends, and the next attempt finds out from the store.
     */
    private static void endAttempt(Runnable end) {
        try {
            end.run();
        } catch (RuntimeException e) {
            log.warn("Could not save how a keyed request ended; its key is free again when its lease ends: {}",
                    e.toString());
        }
    }

    private static void answerAgain(IdempotencyRecords.StoredAnswer answer, HttpServletResponse response)
            throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(answer.body());
    }

    private static void keyProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                   String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(new FieldProblem(HEADER, detail)));
        Problems.write(request, response, problem);
    }

    /** A key's document id: the member's own key space, hashed to a fixed length. */
    static String scope(String member, String clientKey) {
        return sha256(member.getBytes(StandardCharsets.UTF_8), ("\n" + clientKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
