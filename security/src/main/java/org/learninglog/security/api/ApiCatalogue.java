package org.learninglog.security.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words of the API description, kept in one file ({@code learninglog-api.yml}) beside the code
 * that adds what every operation shares: the description's {@code info}, one tag per feature, and
 * per operation (keyed {@code "POST /api/places/{placeId}/insights"}) its tag, summary, description,
 * request example and what sets it apart from the rules every operation follows.
 */
public record ApiCatalogue(Info info, List<Tag> tags, Map<String, OperationWords> operations) {

    /**
     * @param success         its status when all goes well, if not 200
     * @param location        answers with the new resource's {@code Location}
     * @param etag            whether its success carries the {@code ETag} of what it wrote (writes do unless false)
     * @param ifMatchOptional takes {@code If-Match} but does not require it (no 428)
     * @param produces        the content types of its 200 answer, where not JSON
     * @param jsonArrayOf     the schema of the items of its JSON answer, where that is an array the code does not declare
     * @param statuses        statuses it answers beyond those every operation of its kind answers
     * @param example         a request body a client could send
     * @param signedOut       needs no sign-in (accepting an invitation)
     */
    public record OperationWords(String tag, String summary, String description, Integer success, boolean location, Boolean etag,
                                 boolean ifMatchOptional, List<String> produces, String jsonArrayOf, List<Integer> statuses,
                                 JsonNode example, boolean signedOut) {
    }

    static ApiCatalogue load(String resource) {
        try (InputStream in = ApiCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return Yaml.mapper().readValue(in, ApiCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The API description's words in " + resource + " cannot be read", e);
        }
    }

    Optional<OperationWords> of(String method, String path) {
        return Optional.ofNullable(operations.get(method.toUpperCase() + " " + path));
    }
}
