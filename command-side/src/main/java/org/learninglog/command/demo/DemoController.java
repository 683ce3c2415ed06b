package org.learninglog.command.demo;

import org.learninglog.command.access.WriteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads the demo programme on request, or completes a load that was interrupted; once only: a
 * request after a complete load finds it there (409).
 */
@RestController
class DemoController {

    private final DemoProgramme demo;
    private final WriteAccess access;

    DemoController(DemoProgramme demo, WriteAccess access) {
        this.demo = demo;
        this.access = access;
    }

    /** Synchronized: two concurrent requests would otherwise both find the demo absent. */
    @PostMapping("/api/admin/demo")
    synchronized ResponseEntity<?> load() {
        access.loadDemo();
        if (demo.isComplete()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "The demo programme is loaded already.");
            problem.setTitle("Demo already loaded");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        Map<String, Integer> events = outsideTheRequest(demo::load);
        int total = events.values().stream().mapToInt(Integer::intValue).sum();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Loaded(demo.programmeId(), total, events));
    }

    /**
     * The demo's commands are many, each one a command of its own; sent as part of the request,
     * they would all carry the request's command id (see {@code CommandIds}), and the store keeps
     * one commit per command id: the second would be refused as stored already.
     */
    private static <T> T outsideTheRequest(Supplier<T> work) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.resetRequestAttributes();
        try {
            return work.get();
        } finally {
            RequestContextHolder.setRequestAttributes(request);
        }
    }

    /** @param events how many events of each type the demo made */
    record Loaded(String programmeId, int total, Map<String, Integer> events) {
    }
}
