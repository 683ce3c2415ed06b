package org.learninglog.launcher.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks an exchange of the HTTP tests against the API description the application serves: a
 * request the application accepted must be one the description allows, and every answer (a
 * refusal too) must be one it documents, status, content type, headers and fields. A field the
 * description does not name fails as well: objects with documented properties are taken as closed,
 * except problems, which may carry more. Counts what it checked, for the end of the run.
 */
public final class DescribedTraffic {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final Set<String> OPEN = Set.of("Problem");

    private DescribedTraffic() {
    }

    /** The one exchange, described or not; an undescribed one fails the test that made it. */
    public static void check(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                             int status, Map<String, List<String>> responseHeaders, String responseBody) {
        if (!uri.getPath().startsWith("/api/")) {
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(base(uri), DescribedTraffic::validatorFor);
        Request request = request(method, uri, requestHeaders, requestBody);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        responseHeaders.forEach(answer::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            answer.withBody(responseBody);
        }
        ValidationReport report = status < 300 ? validator.validate(request, answer.build())
                : validator.validateResponse(uri.getPath(), request.getMethod(), answer.build());
        if (status >= 400 && status != 401 && report.getMessages().stream().allMatch(DescribedTraffic::noSuchOperation)) {
            return; // an address or method the API does not have, refused as such
        }
        if (report.hasErrors()) {
            throw new AssertionError("Not as the API description says: " + method + " " + uri + " answered " + status
                    + "\n" + report.getMessages().stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .reduce("", (a, b) -> a + b + "\n") + "  answer: " + responseBody);
        }
        writeCount(CHECKED.incrementAndGet());
    }

    /** An exchange of a test that drives the API with the JDK's own client rather than a RestTemplate. */
    public static void check(HttpRequest request, String requestBody, HttpResponse<String> response) {
        check(request.method(), request.uri(), request.headers().map(), requestBody, response.statusCode(),
                response.headers().map(), response.body());
    }

    private static boolean noSuchOperation(ValidationReport.Message message) {
        return message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed");
    }

    private static Request request(String method, URI uri, Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        headers.forEach(request::withHeader);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return request.build();
    }

    private static String base(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static OpenApiInteractionValidator validatorFor(String base) {
        try {
            HttpResponse<String> served = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            ObjectNode description = (ObjectNode) JSON.readTree(served.body());
            closeObjects(description.path("components").path("schemas"));
            return OpenApiInteractionValidator.createForInlineApiSpecification(JSON.writeValueAsString(description))
                    .withResolveRefs(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every object schema with properties (bar problems) takes no others, so an undocumented field fails. */
    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.fields().forEachRemaining(field -> {
                if (!OPEN.contains(field.getKey())) {
                    closeObjects(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(DescribedTraffic::closeObjects);
        }
    }

    /** After every check, so that the count stands however the test JVM ends. */
    private static synchronized void writeCount(int checked) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/api-validation.txt"),
                    checked + " HTTP exchanges of the tests checked against the served API description\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
