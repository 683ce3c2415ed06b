package org.learninglog.query.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.programme.ProgrammeTimelineQueries;
import org.learninglog.query.journey.JourneyQueries;
import org.learninglog.query.journey.PlaceJourney;
import org.learninglog.query.view.TimelineLine;
import org.learninglog.query.web.BadQueryException;
import org.learninglog.query.web.TimelineParameters;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "exports", description = "Timelines as CSV or JSON files, and a printable journey report")
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final JourneyQueries journeys;
    private final ProgrammeTimelineQueries funders;
    private final AccessPolicy access;

    ExportController(JourneyQueries journeys, ProgrammeTimelineQueries funders, AccessPolicy access) {
        this.access = access;
        this.journeys = journeys;
        this.funders = funders;
    }

    @GetMapping("/api/places/{placeId}/journey/export")
    @Operation(summary = "The place's whole (filtered) timeline as a CSV or JSON file")
    ResponseEntity<?> journey(@PathVariable String placeId, TimelineParameters parameters,
                              @RequestParam(defaultValue = "csv") String format) {
        PlaceJourney journey = journeys.journey(placeId, parameters.filter(), 0, Integer.MAX_VALUE);
        access.requireReadPlace(journey.programmeId(), placeId, "export the journey");
        return file("journey-" + placeId, format, journey.timeline().items());
    }

    @GetMapping("/api/programmes/{programmeId}/timeline/export")
    @Operation(summary = "The programme's whole (filtered) timeline as a CSV or JSON file")
    ResponseEntity<?> programme(@PathVariable String programmeId, TimelineParameters parameters,
                                @RequestParam(defaultValue = "csv") String format) {
        access.requireRead(programmeId, "export the programme's timeline");
        return file("timeline-" + programmeId, format, funders.allLines(programmeId, parameters.filter()));
    }

    @GetMapping(value = "/api/places/{placeId}/journey/report", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The place's journey as a printable HTML page")
    ResponseEntity<String> report(@PathVariable String placeId, TimelineParameters parameters) {
        PlaceJourney journey = journeys.journey(placeId, parameters.filter(), 0, Integer.MAX_VALUE);
        access.requireReadPlace(journey.programmeId(), placeId, "print the journey report");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", JourneyReport.CONTENT_SECURITY_POLICY)
                .body(JourneyReport.of(journey));
    }

    private static ResponseEntity<?> file(String name, String format, List<TimelineLine> items) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        switch (format) {
            case "csv" -> {
                return answer.contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".csv"))
                        .body(TimelineCsv.of(items));
            }
            case "json" -> {
                return answer.contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".json"))
                        .body(items);
            }
            default -> throw new BadQueryException("format", "must be csv or json");
        }
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }
}
