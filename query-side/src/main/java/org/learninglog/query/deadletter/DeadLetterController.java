package org.learninglog.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "admin: dead letters", description = "Events a view's handler failed on, parked with the events of their programme that followed")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final AccessPolicy access;

    DeadLetterController(DeadLetters deadLetters, AccessPolicy access) {
        this.access = access;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every processing group's dead letters, by sequence (a programme)")
    List<DeadLetters.GroupLetters> all() {
        access.requireOperator("read the dead letters");
        return deadLetters.all();
    }

    @GetMapping("/{processingGroup}")
    @Operation(summary = "One processing group's dead letters")
    DeadLetters.GroupLetters of(@PathVariable String processingGroup) {
        access.requireOperator("read the dead letters");
        return deadLetters.of(processingGroup);
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(summary = "Retries the group's dead-lettered sequences, oldest first; what fails again stays parked")
    DeadLetters.RetryOutcome retry(@PathVariable String processingGroup) {
        access.requireOperator("retry dead letters");
        return deadLetters.retry(processingGroup);
    }
}
