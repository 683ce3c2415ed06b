package org.learninglog.command.membership;

import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/membership/rebuild}: the operators rebuild the membership view from the
 * events. It answers when done (the membership events are few beside the log they are read from).
 */
@RestController
class MembershipRebuildController {

    private final MembershipViewRebuild rebuild;
    private final AccessPolicy policy;

    MembershipRebuildController(MembershipViewRebuild rebuild, AccessPolicy policy) {
        this.rebuild = rebuild;
        this.policy = policy;
    }

    @PostMapping("/api/admin/membership/rebuild")
    MembershipViewRebuild.Rebuilt rebuild() {
        policy.requireOperator("rebuild the membership view");
        return rebuild.rebuild();
    }
}
