package org.learninglog.query.flow;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.learninglog.query.web.KnownParameter;
import org.learninglog.query.web.OnParameter;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.security.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
@Tag(name = "learning flow", description = "Which learning travelled from which place to which")
class FlowController {

    private final FlowQueries queries;
    private final AccessPolicy access;

    FlowController(FlowQueries queries, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/api/programmes/{programmeId}/flow")
    @Operation(summary = "Places as nodes, shared and adopted learning as edges, with counts and dates; with known, as the record stood then; with on, what had travelled by that day")
    LearningFlow flow(@PathVariable String programmeId,
                      @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
                      @RequestParam(required = false) String known,
                      @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
                      @RequestParam(required = false) String asOf,
                      @Parameter(description = OnParameter.DESCRIBED)
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        access.requireRead(programmeId, "read the learning flow");
        return queries.flow(programmeId, KnownParameter.cut(known, asOf), on);
    }
}
