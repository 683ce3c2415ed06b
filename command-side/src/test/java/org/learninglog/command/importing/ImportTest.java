package org.learninglog.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.command.CommandSideSpringTest;
import org.learninglog.store.testkit.SignedInAsOperator;
import org.learninglog.store.MongoStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Importing over real HTTP into the command side on a real store: an XLSX workbook written by
 * FastExcel's writer, dry run, import, import again; and the files that are refused whole.
 */
@CommandSideSpringTest
class ImportTest {

    private static final Map<String, String> MAPPING = Map.of("text", "What we noticed", "layer", "Layer",
            "happenedOn", "When", "principles", "Principles");

    @Autowired
    SignedInAsOperator.Operator operator;
    @Autowired
    TestRestTemplate anybody;
    @Autowired
    MongoStore store;

    private String placeId;

    @BeforeEach
    void aPlace() {
        ResponseEntity<JsonNode> programme = operator.http().postForEntity("/api/programmes", Map.of("name", "North", "backfillFrom", "2020-01-01"), JsonNode.class);
        ResponseEntity<JsonNode> place = operator.http().postForEntity("/api/places",
                Map.of("programmeId", programme.getBody().path("programmeId").asText(), "name", "Riverside"), JsonNode.class);
        placeId = place.getBody().path("placeId").asText();
    }

    @Test
    void a_thousand_row_workbook_is_dry_run_then_imported_once_however_often_it_is_imported() throws Exception {
        byte[] workbook = xlsx(1000, sheet -> { });

        ResponseEntity<JsonNode> uploaded = upload(workbook, "past-learning.xlsx");
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode upload = uploaded.getBody();
        assertThat(upload.path("rows").asInt()).isEqualTo(1000);
        assertThat(upload.path("suggestedMapping").path("layer").asText()).isEqualTo("Layer");
        assertThat(upload.path("sample").get(0).get(2).asText()).isEqualTo("2024-01-02");
        String importId = upload.path("importId").asText();

        JsonNode dryRun = operator.http().postForEntity("/api/imports/" + importId + "/dry-run", MAPPING, JsonNode.class).getBody();
        assertThat(dryRun.path("accepted").asInt()).as("%s", dryRun).isEqualTo(1000);
        assertThat(dryRun.path("refused").asInt()).isZero();
        assertThat(storedInsights()).as("a dry run stores nothing").isZero();

        JsonNode first = importAndWait(importId);
        assertThat(first.path("recorded").asInt()).as("%s", first).isEqualTo(1000);
        assertThat(storedInsights()).isEqualTo(1000);

        assertThat(upload(workbook, "the-same-file-again.xlsx").getBody().path("importId").asText()).isEqualTo(importId);
        JsonNode again = operator.http().postForEntity("/api/imports/" + importId + "/dry-run", MAPPING, JsonNode.class).getBody();
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("alreadyRecorded").asInt()).isEqualTo(1000);
        JsonNode second = importAndWait(importId);
        assertThat(second.path("recorded").asInt()).isZero();
        assertThat(second.path("alreadyRecorded").asInt()).isEqualTo(1000);
        assertThat(storedInsights()).as("the second import adds nothing").isEqualTo(1000);
    }

    @Test
    void rows_the_rules_refuse_are_named_by_cell_and_the_others_are_imported() throws Exception {
        byte[] workbook = xlsx(10, sheet -> {
            sheet.value(3, 1, "SOMEWHERE");          // row 4: no such layer
            sheet.value(5, 3, "speed above all");    // row 6: not a principle of the framework
            sheet.value(7, 0, "");                   // row 8: no text
        });
        String importId = upload(workbook, "mixed.xlsx").getBody().path("importId").asText();

        JsonNode dryRun = operator.http().postForEntity("/api/imports/" + importId + "/dry-run", MAPPING, JsonNode.class).getBody();
        assertThat(dryRun.path("accepted").asInt()).as("%s", dryRun).isEqualTo(7);
        assertThat(dryRun.path("refusals").findValuesAsText("cell")).containsExactlyInAnyOrder("B4", "D6", "A8");

        assertThat(importAndWait(importId).path("recorded").asInt()).isEqualTo(7);
        assertThat(storedInsights()).isEqualTo(7);
    }

    @Test
    void changes_of_practice_in_the_file_become_an_adoption_and_adaptations_citing_their_rows_insights_once() throws Exception {
        byte[] workbook = xlsx(30, sheet -> {
            sheet.value(0, 4, "Practice");
            sheet.value(0, 5, "Change");
            for (int i = 5; i <= 30; i += 5) {       // rows 6, 11, ... 31: one practice, started then changed five times
                sheet.value(i, 4, i == 5 ? "Walking bus" : "walking BUS ");
                sheet.value(i, 5, "We walk to school together, as from week " + i);
            }
            sheet.value(7, 4, "Homework club");       // row 8: a practice without its change: the row is refused
        });
        Map<String, String> mapping = new java.util.HashMap<>(MAPPING);
        mapping.put("practice", "Practice");
        mapping.put("practiceChange", "Change");
        String importId = upload(workbook, "with-practices.xlsx").getBody().path("importId").asText();

        JsonNode dryRun = operator.http().postForEntity("/api/imports/" + importId + "/dry-run", mapping, JsonNode.class).getBody();
        assertThat(dryRun.path("accepted").asInt()).as("%s", dryRun).isEqualTo(29);
        assertThat(dryRun.path("practiceChanges").asInt()).isEqualTo(6);
        assertThat(dryRun.path("refusals").findValuesAsText("cell")).containsExactly("F8");
        assertThat(storedPracticeEvents()).as("a dry run stores nothing").isEmpty();

        JsonNode first = importAndWait(importId, mapping);
        assertThat(first.path("recorded").asInt()).as("%s", first).isEqualTo(29);
        assertThat(first.path("practiceChanges").asInt()).as("%s", first).isEqualTo(6);
        assertThat(first.path("practiceChangesRefused").asInt()).isZero();
        List<String> events = storedPracticeEvents();
        assertThat(events).filteredOn(event -> event.contains("PracticeAdopted")).hasSize(1)
                .allSatisfy(event -> assertThat(event).contains("\"name\":\"Walking bus\"")
                        .contains("[\"" + importId + "-6\"]").contains("\"happenedOn\":\"2024-01-06\""));
        assertThat(events).filteredOn(event -> event.contains("PracticeAdapted")).hasSize(5)
                .anySatisfy(event -> assertThat(event).contains("\"adaptationId\":\"" + importId + "-change-31\"")
                        .contains("[\"" + importId + "-31\"]").contains("\"happenedOn\":\"2024-01-31\""));

        JsonNode second = importAndWait(importId, mapping);
        assertThat(second.path("recorded").asInt()).isZero();
        assertThat(second.path("practiceChanges").asInt()).as("%s", second).isZero();
        assertThat(second.path("practiceChangesAlreadyRecorded").asInt()).isEqualTo(6);
        assertThat(storedPracticeEvents()).as("the second import adds nothing").hasSize(6);
    }

    @Test
    void a_formula_cell_is_refused_naming_the_cell_and_nothing_is_kept() throws Exception {
        ResponseEntity<JsonNode> refused = upload(xlsx(5, sheet -> sheet.formula(3, 0, "CONCAT(\"a\",\"b\")")), "formula.xlsx");

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("cell").asText()).isEqualTo("A4");
        assertThat(refused.getBody().path("detail").asText()).contains("formula");
    }

    @Test
    void a_csv_formula_mixed_encodings_other_files_and_too_large_ones_are_refused() {
        assertThat(upload("What we noticed,Layer\n=HYPERLINK(\"x\"),INDIVIDUALS\n".getBytes(StandardCharsets.UTF_8),
                "f.csv").getBody().path("cell").asText()).isEqualTo("A2");

        byte[] mixed = "What we noticed,Layer\nCafé,INDIVIDUALS\nCaf\u00e9,INDIVIDUALS\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin = "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = concat(mixed, "\n".getBytes(StandardCharsets.UTF_8), latin, ",INDIVIDUALS\n".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> encodings = upload(both, "mixed.csv");
        assertProblem(encodings, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(encodings.getBody().path("detail").asText()).contains("Line 5").contains("UTF-8");

        assertProblem(upload(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "old.xls"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertProblem(upload("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "report.pdf"), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertProblem(upload(new byte[20 * 1024 * 1024 + 10], "huge.csv"), HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(storedInsights()).isZero();
    }

    @Test
    void too_many_rows_are_refused_whole() {
        StringBuilder csv = new StringBuilder("What we noticed,Layer\n");
        for (int i = 0; i <= 100_000; i++) {
            csv.append("n").append(i).append(",INDIVIDUALS\n");
        }
        ResponseEntity<JsonNode> refused = upload(csv.toString().getBytes(StandardCharsets.UTF_8), "million.csv");
        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("detail").asText()).contains("100000 rows");
    }

    @Test
    void a_mapping_naming_no_column_is_refused_naming_the_field() throws Exception {
        String importId = upload(xlsx(2, sheet -> { }), "two.xlsx").getBody().path("importId").asText();
        ResponseEntity<JsonNode> refused = operator.http().postForEntity("/api/imports/" + importId + "/dry-run",
                Map.of("text", "Nothing like it", "layer", "Layer"), JsonNode.class);
        assertProblem(refused, HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("text");
    }

    @Test
    void a_member_of_the_place_may_not_import() throws Exception {
        ResponseEntity<JsonNode> refused = upload(anybody.withBasicAuth("riverside", "learning-log-demo"),
                xlsx(2, sheet -> { }), "two.xlsx");
        assertThat(refused.getStatusCode().value()).isIn(403, 404);
    }

    private JsonNode importAndWait(String importId) {
        return importAndWait(importId, MAPPING);
    }

    private JsonNode importAndWait(String importId, Map<String, String> mapping) {
        ResponseEntity<JsonNode> started = operator.http().postForEntity("/api/imports/" + importId + "/run", mapping, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasPath("/api/imports/" + importId);
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> operator.http().getForObject("/api/imports/" + importId, JsonNode.class).path("progress"),
                progress -> !"running".equals(progress.path("state").asText()));
    }

    /** The place's insights in the store (each insight's first event; the tests share one store). */
    private long storedInsights() {
        return store.database().getCollection("events").countDocuments(new Document("aggType", "Insight")
                .append("seq", 0).append("events.payload", new Document("$regex", "\"placeId\":\"" + placeId + "\"")));
    }

    /** The payloads of the place's practices' events in the store, each with its type first. */
    private List<String> storedPracticeEvents() {
        List<String> events = new java.util.ArrayList<>();
        for (Document commit : store.database().getCollection("events").find(new Document("aggType", "Practice")
                .append("events.payload", new Document("$regex", "\"placeId\":\"" + placeId + "\"")))) {
            for (Document event : commit.getList("events", Document.class)) {
                events.add(event.getString("type") + " " + event.getString("payload"));
            }
        }
        return events;
    }

    private ResponseEntity<JsonNode> upload(byte[] bytes, String name) {
        return upload(operator.http(), bytes, name);
    }

    private ResponseEntity<JsonNode> upload(TestRestTemplate http, byte[] bytes, String name) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/places/" + placeId + "/imports", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A workbook of insights, one a day from 2024-01-02, changed by {@code edit} before it is written. */
    static byte[] xlsx(int rows, Consumer<Worksheet> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "ImportTest", "1.0");
        Worksheet sheet = workbook.newWorksheet("Past learning");
        sheet.value(0, 0, "What we noticed");
        sheet.value(0, 1, "Layer");
        sheet.value(0, 2, "When");
        sheet.value(0, 3, "Principles");
        for (int i = 1; i <= rows; i++) {
            sheet.value(i, 0, "Residents came when the meeting moved, week " + i);
            sheet.value(i, 1, i % 2 == 0 ? "Place network" : "INDIVIDUALS");
            sheet.value(i, 2, LocalDate.of(2024, 1, 1).plusDays(i));
            sheet.style(i, 2).format("yyyy-mm-dd").set();
            sheet.value(i, 3, "able to influence; connected and heard");
        }
        edit.accept(sheet);
        workbook.finish();
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
