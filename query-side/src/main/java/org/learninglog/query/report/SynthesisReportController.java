package org.learninglog.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.web.BadQueryException;
import org.learninglog.query.web.KnownParameter;
import org.learninglog.security.AccessPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Set;

/**
 * A programme's synthesis report for a period the reader chooses, as JSON or CSV. A funder, a
 * learning partner or an administrator reads the whole programme's; a place's member reads their
 * places' part; anyone of another programme is answered 404, as for everything of it.
 */
@RestController
@Tag(name = "synthesis report", description = "A programme's period in one report: activities and what their forms said, "
        + "insights by the framework, practices, learning that travelled, late and revised records")
class SynthesisReportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final LiveViews views;
    private final AccessPolicy access;

    SynthesisReportController(LiveViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/programmes/{programmeId}/synthesis-report")
    @Operation(summary = "The programme's synthesis report for the days from to to (the story's clock); with known, as the "
            + "record stood then; as JSON, or as CSV with format=csv or Accept: text/csv")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SynthesisReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "section,subject,session,day,placeId,key,count,base,percent,detail: a line per number"))})
    ResponseEntity<?> report(@PathVariable String programmeId,
                             @Parameter(description = "The period's first day (ISO-8601), included", required = true)
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @Parameter(description = "The period's last day (ISO-8601), included", required = true)
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @Parameter(description = KnownParameter.DESCRIBED, schema = @Schema(type = "string"))
                             @RequestParam(required = false) String known,
                             @Parameter(description = KnownParameter.DEPRECATED, deprecated = true, schema = @Schema(type = "string"))
                             @RequestParam(required = false) String asOf,
                             @Parameter(description = "json (the default) or csv; without it, Accept: text/csv answers CSV")
                             @RequestParam(required = false) String format,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Set<String> places = access.requireReadReport(programmeId, "read the synthesis report");
        if (from == null) {
            throw new BadQueryException("from", "is missing: give the period's first day, e.g. 2025-01-01");
        }
        if (to == null) {
            throw new BadQueryException("to", "is missing: give the period's last day, e.g. 2025-06-30");
        }
        boolean csv = format == null ? accept != null && accept.contains("text/csv") : switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new BadQueryException("format", "must be csv or json");
        };
        SynthesisReport report = SynthesisReportQueries.report(views.reader(SynthesisReportProjection.NAME), programmeId, from, to,
                KnownParameter.cut(known, asOf), places);
        String name = "synthesis-report-" + programmeId + "-" + from + "-" + to;
        if (csv) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                    .body(SynthesisReportCsv.of(report));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (format != null) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".json").build().toString());
        }
        return answer.body(report);
    }
}
