package org.learninglog.security.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the whole description shares: {@code info}, the feature tags, how a client signs in, and
 * the problem every refusal and failure answers with (RFC 9457, with our {@code requestId} and
 * the {@code errors} naming the fields at fault).
 */
final class ApiFrame {

    static final String PROBLEM = "Problem";
    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String SESSION = "session";
    static final String CSRF = "csrf";

    private final ApiCatalogue catalogue;

    ApiFrame(ApiCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void applyTo(OpenAPI openApi) {
        openApi.info(catalogue.info());
        openApi.tags(new ArrayList<>(catalogue.tags()));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A local account's name and password (`learninglog.security.accounts`); "
                        + "local accounts are off when an OpenID Connect issuer is configured."));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("ll_pat_… or JWT")
                .description("A personal access token (`ll_pat_…`, issued at `POST /api/me/tokens`), or an RS256 "
                        + "JWT from the configured OpenID Connect issuer carrying `sub`, `programme`, `roles` and `places`."));
        components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("The web UI's session, from signing in at `/sign-in`."));
        components.addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
                .description("With a session, every write carries the value of the `XSRF-TOKEN` cookie in this header."));
        if (components.getSchemas() != null) {
            nullableUnlessRequired(components.getSchemas());
        }
        components.addSchemas(PROBLEM, problem());
        components.addSchemas("FieldError", new ObjectSchema()
                .description("A field (or query parameter, or header) at fault, and what would be accepted.")
                .addProperty("field", new StringSchema().description("The field's path, e.g. `evidence.quote`."))
                .addProperty("message", new StringSchema().description("What is wrong with it, in plain words.")));
    }

    /**
     * Our answers are records written by Jackson, which writes an absent value as {@code null}: a
     * property that is not required may be null. A referenced schema is marked nullable itself, as
     * OpenAPI 3.0 ignores what stands beside a {@code $ref}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableUnlessRequired(Map<String, Schema> schemas) {
        schemas.values().forEach(schema -> {
            if (schema.getProperties() == null) {
                return;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            ((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> {
                if (required.contains(name)) {
                    return;
                }
                if (property.get$ref() == null) {
                    property.setNullable(true);
                } else {
                    Schema referenced = schemas.get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
                    if (referenced != null) {
                        referenced.setNullable(true);
                    }
                }
            });
        });
    }

    private static Schema<?> problem() {
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong, for which request, and which fields were at fault.")
                .addProperty("type", new StringSchema().format("uri").description("`about:blank` unless said otherwise."))
                .addProperty("title", new StringSchema().description("A short, plain title, e.g. `Stale version`."))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status."))
                .addProperty("detail", new StringSchema().description("What happened, in plain words."))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path."))
                .addProperty("requestId", new StringSchema()
                        .description("The request's id, as in the `X-Request-Id` header and the server's log lines."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("The fields at fault, where the problem lies in the request."));
        problem.setRequired(List.of("title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
