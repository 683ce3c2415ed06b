package org.learninglog.faults;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One request followed across processes: a command-side and a query-side process (their executable
 * jars) on one store, both exporting traces by OTLP/HTTP to a collector this test runs. Recording an
 * insight on the command side makes one trace that holds the HTTP call and its command there, and
 * the handling of its event by the views on the query side, which learns the trace from the
 * event's metadata in the store.
 */
class TracesAcrossProcessesTest {

    private static final String PROGRAMME = "demo-programme";
    private static final String PLACE = "place-60f4ecc4-0cc1-3e8f-aa9c-4b7774a664d4";
    private static final String COMMAND_SIDE = "learning-log-command-side";
    private static final String QUERY_SIDE = "learning-log-query-side";

    @TempDir
    Path data;

    /** What the collector received: one exported span each. */
    private record ExportedSpan(String service, String traceId, String name) {
    }

    private final ConcurrentLinkedQueue<ExportedSpan> exported = new ConcurrentLinkedQueue<>();

    @Test
    void an_insight_recorded_on_the_command_side_is_one_trace_through_its_command_and_the_query_sides_views() throws Exception {
        HttpServer collector = collector();
        try {
            String[] tracing = {"--management.tracing.enabled=true",
                    "--management.otlp.tracing.endpoint=http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces",
                    "--learninglog.security.rate-limit.requests=0"};
            int storePort = freePort();
            try (LearningLogProcess store = LearningLogProcess.launchStore(storePort, data.resolve("store"))) {
                store.awaitPort(Duration.ofSeconds(60));
                String uri = "mongodb://127.0.0.1:" + storePort;
                try (LearningLogProcess commands = LearningLogProcess.launchSide("command-side", uri, tracing);
                     LearningLogProcess queries = LearningLogProcess.launchSide("query-side", uri, tracing)) {
                    commands.awaitReady(Duration.ofSeconds(240));
                    queries.awaitReady(Duration.ofSeconds(240));
                    assertThat(new Client(commands.base(), "operator").post("/api/programmes", """
                            {"id": "%s", "name": "Traced"}""".formatted(PROGRAMME), null).status()).isEqualTo(201);
                    assertThat(new Client(commands.base(), "admin").post("/api/places", """
                            {"id": "%s", "programmeId": "%s", "name": "Riverside"}""".formatted(PLACE, PROGRAMME), null)
                            .status()).isEqualTo(201);

                    Client.Answer recorded = new Client(commands.base(), "riverside").post("/api/places/" + PLACE + "/insights",
                            """
                            {"text": "followed across processes", "layer": "PLACE_NETWORK"}""", null);
                    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

                    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                        String trace = traceOfTheRecording();
                        Map<String, List<String>> byService = exported.stream().filter(span -> span.traceId().equals(trace))
                                .collect(Collectors.groupingBy(ExportedSpan::service,
                                        Collectors.mapping(ExportedSpan::name, Collectors.toList())));
                        assertThat(byService.get(COMMAND_SIDE)).as(byService.toString())
                                .anyMatch(name -> name.contains("RecordInsight"));
                        assertThat(byService.get(QUERY_SIDE)).as(byService + "; the query side's spans: " + exported.stream()
                                        .filter(span -> span.service().equals(QUERY_SIDE)).map(ExportedSpan::name).distinct().toList())
                                .anyMatch(name -> name.startsWith("JourneyProcessor."))
                                .anyMatch(name -> name.startsWith("ProgrammeTimelineProcessor."))
                                .anyMatch(name -> name.startsWith("SearchProcessor."));
                    });
                }
            }
        } finally {
            collector.stop(0);
        }
    }

    /** The trace of the command side's HTTP span for the recording. */
    private String traceOfTheRecording() {
        Set<String> traces = exported.stream()
                .filter(span -> span.service().equals(COMMAND_SIDE) && span.name().startsWith("http post")
                        && span.name().contains("insights"))
                .map(ExportedSpan::traceId).collect(Collectors.toSet());
        assertThat(traces).as("traces of the recording's HTTP call, among " + exported.size() + " spans: "
                + exported.stream().map(ExportedSpan::name).distinct().toList()).hasSize(1);
        return traces.iterator().next();
    }

    /** A collector of OTLP/HTTP traces (protobuf), keeping every span it is sent. */
    private HttpServer collector() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                for (ResourceSpans resource : request.getResourceSpansList()) {
                    String service = resource.getResource().getAttributesList().stream()
                            .filter(attribute -> attribute.getKey().equals("service.name"))
                            .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
                    for (ScopeSpans scope : resource.getScopeSpansList()) {
                        for (Span span : scope.getSpansList()) {
                            exported.add(new ExportedSpan(service, HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                                    span.getName()));
                        }
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return server;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
