package org.learninglog.command.demo;

import org.learninglog.command.access.WriteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

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
        Map<String, Integer> events = demo.load();
        int total = events.values().stream().mapToInt(Integer::intValue).sum();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Loaded(demo.programmeId(), total, events));
    }

    /** @param events how many events of each type the demo made */
    record Loaded(String programmeId, int total, Map<String, Integer> events) {
    }
}
