package org.learninglog.security.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.net.URI;

/**
 * The servlet container's error page ({@code /error}), reached by whatever failed outside Spring
 * MVC's own handling: an exception that no handler answered, a filter's {@code sendError}, an
 * unknown address outside the API. It answers problem+json like everything else, with no stack
 * trace, exception class or message: those go to the log, under the request's id, which the body
 * names.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ErrorPage implements ErrorController {

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, request));
        problem.setTitle(status.is5xxServerError() ? "Server error" : status.getReasonPhrase());
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(URI.create(uri));
        }
        String requestId = RequestIds.of(request);
        if (requestId != null) {
            response.setHeader(RequestIds.HEADER, requestId);
        }
        Problems.write(request, response, problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        if (status.is5xxServerError()) {
            return "Something failed on our side; the request id names it in the server's log. A write may or may not "
                    + "have been stored: resend it with the same Idempotency-Key, or ask GET /api/commands/{request id}.";
        }
        return status == HttpStatus.NOT_FOUND ? "Nothing is found at this address." : status.getReasonPhrase() + ".";
    }
}
