package org.learninglog.security.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.learninglog.security.api.ApiCatalogue.OperationWords;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each operation's words from the catalogue, and what it answers: its success with the content
 * type it really sends (JSON, not {@code *}{@code /*}), the {@code Location} of what it created,
 * and every problem it can answer, from the rules that hold for every operation of its kind
 * (signed in or not, a body or not, a write or a read, {@code If-Match} or not).
 */
final class OperationAnswers {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "The request is not valid: the problem's `errors` name each field at fault and what would be accepted."),
            Map.entry(401, "Not signed in, or the credentials are wrong."),
            Map.entry(403, "Signed in, but the member may not do this here (role, place or programme)."),
            Map.entry(404, "Nothing is known by an id the request names (`errors` names which)."),
            Map.entry(409, "A conflict: the `If-Match` version is stale, the id is taken, or a request with the same "
                    + "`Idempotency-Key` is still running (with `Retry-After`)."),
            Map.entry(410, "Gone: the link expired or was used already."),
            Map.entry(413, "The request body is larger than the installation accepts."),
            Map.entry(415, "The request body is not `application/json`."),
            Map.entry(422, "The request is well formed but breaks a rule of the domain (the problem says which)."),
            Map.entry(428, "`If-Match` is missing: send the version (ETag) last read."),
            Map.entry(429, "Too many requests from this member, or too many failed sign-ins: try again after `Retry-After`."),
            Map.entry(500, "The server failed; the problem's `requestId` finds its log lines."),
            Map.entry(503, "The store is unreachable: nothing was changed; or, for a read with `X-Min-Position`, "
                    + "the views are still behind that position (`X-View-Position` says where they are). "
                    + "Try again after `Retry-After`."),
            Map.entry(507, "The store's disk is full: nothing was written; reads still work."));

    private static final Set<String> FILLERS = Set.of("a", "an", "the");
    private static final String EVENT_POSITION = "X-Event-Position";
    private static final String MIN_POSITION = "X-Min-Position";
    private static final String VIEW_POSITION = "X-View-Position";
    /** Reads answered from the command side's or the sign-in's own records, not from the views. */
    private static final Set<String> NOT_FROM_VIEWS = Set.of("/api/programmes/{programmeId}/framework",
            "/api/commands/{commandId}", "/api/idempotency-keys/{key}", "/api/me", "/api/me/tokens",
            "/api/me/tokens/{id}", "/api/programmes/{programmeId}/members",
            "/api/programmes/{programmeId}/places/{placeId}/writers");

    private final ApiCatalogue catalogue;

    OperationAnswers(ApiCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void applyTo(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            OperationWords words = catalogue.of(method.name(), path).orElse(null);
            describe(operation, words);
            answer(path, method, operation, words);
            operation.setSecurity(words != null && words.signedOut() ? List.of() : security(method));
        }));
    }

    private static void describe(Operation operation, OperationWords words) {
        if (words == null) {
            return;
        }
        operation.setTags(List.of(words.tag()));
        operation.setSummary(words.summary());
        operation.setOperationId(operationId(words.summary()));
        operation.setDescription(words.description());
        if (words.example() != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().get(JSON);
            if (json != null) {
                json.setExample(words.example());
            }
        }
    }

    /** "Record an insight" is {@code recordInsight}: the name a generated client gives the call. */
    static String operationId(String summary) {
        StringBuilder id = new StringBuilder();
        for (String word : summary.replace("'s", "").split("[^A-Za-z0-9]+")) {
            if (word.isEmpty() || FILLERS.contains(word.toLowerCase())) {
                continue;
            }
            id.append(id.length() == 0 ? word.toLowerCase() : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return id.toString();
    }

    private static void answer(String path, PathItem.HttpMethod method, Operation operation, OperationWords words) {
        ApiResponses responses = operation.getResponses();
        ApiResponse success = responses.values().stream().findFirst().orElseGet(ApiResponse::new);
        responses.clear();
        int status = words != null && words.success() != null ? words.success() : 200;
        List<String> produces = words != null && words.produces() != null ? words.produces() : List.of(JSON);
        Content content = success.getContent();
        if (status == 204) {
            success.setContent(null);
        } else if (content != null && !content.isEmpty()) {
            MediaType sent = content.values().iterator().next();
            Content real = new Content();
            produces.forEach(type -> real.addMediaType(type, answered(type, sent, words)));
            success.setContent(real);
        }
        success.setDescription(switch (status) {
            case 201 -> "Created.";
            case 202 -> "Accepted: under way.";
            case 204 -> "Done; nothing to return.";
            default -> "OK.";
        });
        boolean write = method != PathItem.HttpMethod.GET;
        if (words != null && words.location()) {
            success.addHeaderObject("Location", new Header().required(true)
                    .description("Where the new resource is read.").schema(new StringSchema().format("uri")));
        }
        boolean etag = words != null && words.etag() != null ? words.etag() : write;
        if (etag) {
            success.addHeaderObject("ETag", new Header().description("The version of what was written or read, "
                    + "to send back as `If-Match` with its next change.").schema(new StringSchema()));
        }
        if (path.startsWith("/api/") && write) {
            success.addHeaderObject(EVENT_POSITION, new Header().description("The global position of the last "
                    + "event the write stored; send it as `X-Min-Position` with the next read to see the write.")
                    .schema(new IntegerSchema().format("int64")));
        } else if (path.startsWith("/api/") && !NOT_FROM_VIEWS.contains(path)) {
            readsItsWrites(operation, success);
        }
        responses.addApiResponse(String.valueOf(status), success);
        if (write) {
            idempotent(operation);
            success.addHeaderObject("Idempotent-Replayed", new Header().description("`true` when the answer is "
                    + "given again to a request sent again with the same `Idempotency-Key`: the same status, "
                    + "`Location` and body as the first answer, and nothing stored anew.")
                    .schema(new StringSchema()._enum(List.of("true"))));
        }
        problems(path, write, operation, words).forEach(code -> responses.addApiResponse(String.valueOf(code), problem(code)));
    }

    /**
     * Read your writes: a read from the views may ask for at least the position a write answered,
     * and waits (a few seconds at most) until the views hold it, whichever process answers.
     */
    private static void readsItsWrites(Operation operation, ApiResponse success) {
        operation.addParametersItem(new Parameter().in("header").name(MIN_POSITION).required(false)
                .description("The `X-Event-Position` of a write this read must see: the answer waits until the "
                        + "views hold it (up to a few seconds), else 503 with `Retry-After`.")
                .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
        success.addHeaderObject(VIEW_POSITION, new Header().description("The position the views held when the "
                + "read was answered (sent when `X-Min-Position` was asked).").schema(new IntegerSchema().format("int64")));
    }

    /**
     * A write may carry an {@code Idempotency-Key}; sent again after its answer was lost (even with
     * the process that stored it), the key answers as the first answer did, marked as replayed.
     */
    private static void idempotent(Operation operation) {
        operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(false)
                .description("Any string of the client's: the same key again returns the first answer and stores "
                        + "nothing new (kept across restarts).").schema(new StringSchema().maxLength(200)));
    }

    /** Text (CSV, HTML) is a string; JSON is what the code declares, or the array the catalogue names. */
    private static MediaType answered(String type, MediaType declared, OperationWords words) {
        if (type.startsWith("text/")) {
            return new MediaType().schema(new StringSchema());
        }
        if (words != null && words.jsonArrayOf() != null) {
            return new MediaType().schema(new ArraySchema()
                    .items(new Schema<>().$ref("#/components/schemas/" + words.jsonArrayOf())));
        }
        return declared;
    }

    private static TreeSet<Integer> problems(String path, boolean write, Operation operation, OperationWords words) {
        TreeSet<Integer> codes = new TreeSet<>(List.of(401, 403, 429, 500, 503));
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            codes.add(400);
        }
        // A member outside the programme a request names, by its path, its query or its body, is
        // answered 404, as is an id that names nothing.
        boolean query = parameters && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
        if (path.contains("{") || query || body) {
            codes.add(404);
        }
        if (write) {
            codes.addAll(List.of(409, 507));
        }
        if (body) {
            codes.addAll(List.of(413, 415));
        }
        boolean ifMatch = parameters && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (ifMatch && (words == null || !words.ifMatchOptional())) {
            codes.add(428);
        }
        if (words != null && words.statuses() != null) {
            codes.addAll(words.statuses());
        }
        return codes;
    }

    private static ApiResponse problem(int code) {
        ApiResponse response = new ApiResponse().description(MEANINGS.getOrDefault(code, "A problem."))
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiFrame.PROBLEM))));
        if (code == 429 || code == 503 || code == 409) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before trying again, where waiting helps.").schema(new IntegerSchema()));
        }
        return response;
    }

    /** Reads take any sign-in; writes signed in by the web UI's session carry its CSRF token too. */
    private static List<SecurityRequirement> security(PathItem.HttpMethod method) {
        SecurityRequirement session = new SecurityRequirement().addList(ApiFrame.SESSION);
        if (method != PathItem.HttpMethod.GET) {
            session.addList(ApiFrame.CSRF);
        }
        return List.of(new SecurityRequirement().addList(ApiFrame.BASIC),
                new SecurityRequirement().addList(ApiFrame.BEARER), session);
    }
}
