package org.learninglog.command.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/** Which requests are writes of the API: the ones the write filters (idempotency, event position) take part in. */
public final class ApiWrites {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private ApiWrites() {
    }

    public static boolean isApiWrite(HttpServletRequest request) {
        return WRITES.contains(request.getMethod()) && request.getRequestURI().startsWith("/api/");
    }
}
