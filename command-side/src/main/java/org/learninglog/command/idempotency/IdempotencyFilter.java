package org.learninglog.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.command.web.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Honours an {@code Idempotency-Key} header on every write of the API: the same key again, for the
 * same endpoint, answers with the first answer (same status and body) and stores nothing new; the
 * same key with another body is refused (422). Keys live in MongoDB ({@link IdempotencyRecords}),
 * so they outlive a restart. Only successful answers are kept: a refused request stored nothing,
 * so its retry is judged afresh.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyRecords records;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientKey = request.getHeader(HEADER);
        if (clientKey.isBlank() || clientKey.length() > MAX_KEY_LENGTH) {
            problem(response, HttpStatus.BAD_REQUEST, "Invalid idempotency key",
                    "The key must hold 1 to " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        // One key space per member and endpoint; members are anonymous until requests carry one.
        String key = "anonymous " + request.getMethod() + " " + request.getRequestURI() + " " + clientKey;
        String fingerprint = sha256(body);
        Optional<IdempotencyRecords.Claim> earlier = records.claim(key, fingerprint);
        if (earlier.isPresent()) {
            answerAgain(earlier.get(), fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBody(request, body), recording);
            if (recording.getStatus() >= 200 && recording.getStatus() < 300) {
                records.answered(key, new IdempotencyRecords.StoredAnswer(recording.getStatus(),
                        recording.getContentType(), recording.getHeader(HttpHeaders.LOCATION),
                        recording.getHeader(HttpHeaders.ETAG), recording.getContentAsByteArray()));
                kept = true;
            }
        } finally {
            if (!kept) {
                records.release(key);
            }
            recording.copyBodyToResponse();
        }
    }

    private void answerAgain(IdempotencyRecords.Claim earlier, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                    "This key was used for a request with another body; use a new key for a new request.");
        } else if (earlier.answer() == null) {
            problem(response, HttpStatus.CONFLICT, "Request in progress",
                    "A request with this key is still being processed; retry shortly.");
        } else {
            IdempotencyRecords.StoredAnswer answer = earlier.answer();
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
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(answer.body());
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(new FieldProblem(HEADER, detail)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once here, and readable again by the controller. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
