package org.learninglog.query.audit;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.learninglog.query.web.KnownParameter;
import org.learninglog.query.web.OnParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
@Tag(name = "decision audit", description = "How a decision came about and what became of it")
class AuditController {

    private final AuditQueries queries;
    private final AccessPolicy access;

    AuditController(AuditQueries queries, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
    }

    /** The id is an adaptation's id, or a practice's id for the decision to adopt it. */
    @GetMapping("/api/adaptations/{adaptationId}/audit")
    @Operation(summary = "The decision's audit trail: insights then and now, who decided where, later changes, outcomes, travel, "
            + "each with its day and whether it was recorded late; with known, as the record stood then; with on, as the story "
            + "stood by that day")
    DecisionAudit audit(@PathVariable String adaptationId,
                        @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
                        @RequestParam(required = false) String known,
                        @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
                        @RequestParam(required = false) String asOf,
                        @Parameter(description = OnParameter.DESCRIBED_WITH_TIME, schema = @Schema(type = "string"))
                        @RequestParam(required = false) String on) {
        DecisionAudit audit = queries.audit(adaptationId, KnownParameter.cut(known, asOf), OnParameter.day(on));
        access.requireReadPlace(audit.programmeId(), audit.placeId(), "read a decision's audit trail");
        return audit;
    }
}
