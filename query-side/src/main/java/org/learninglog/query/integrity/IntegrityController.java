package org.learninglog.query.integrity;

import org.learninglog.security.AccessPolicy;
import org.learninglog.security.Role;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.integrity.IntegrityReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a programme's record is intact: walks its hash chain from the first event, checks every
 * link and every signed checkpoint, and answers "intact" with the count and head hash, or the
 * first broken link with its position and what is wrong there. The same check runs on the
 * command line as {@code verify-integrity}.
 */
@RestController
class IntegrityController {

    private final EventChain chain;
    private final AccessPolicy access;

    IntegrityController(EventChain chain, AccessPolicy access) {
        this.access = access;
        this.chain = chain;
    }

    @GetMapping("/api/programmes/{programmeId}/integrity")
    IntegrityReport verify(@PathVariable String programmeId) {
        access.requireRole(programmeId, "verify the record's integrity", Role.LEARNING_PARTNER);
        return chain.verify(programmeId);
    }
}
