package org.learninglog.security.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.net.URI;

/**
 * Writes RFC 9457 problem+json from filters and the error page, which answer outside Spring MVC's
 * problem-details handling.
 */
public final class Problems {

    /** Spring's builder registers the mix-in that writes a problem's extra properties inline (and no null "properties"). */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private Problems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                             String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        write(request, response, problem);
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        String requestId = RequestIds.of(request);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
