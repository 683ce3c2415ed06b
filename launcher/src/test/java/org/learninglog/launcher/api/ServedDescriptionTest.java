package org.learninglog.launcher.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.learninglog.launcher.LearningLogIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description as the application serves it is exported to {@code target/openapi.json}
 * (Spectral lints it there in CI) and must equal {@code api/openapi.json}, the copy kept in the
 * repository that the generated client and the reference page are built from. When the API
 * changes, copy the exported file over the kept one and review the difference.
 */
@LearningLogIntegrationTest
class ServedDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    static final Path KEPT = Path.of("../api/openapi.json");
    static final Path EXPORTED = Path.of("target/openapi.json");

    @Autowired
    TestRestTemplate http;

    @Test
    void the_served_description_is_exported_and_equals_the_one_kept_in_the_repository() throws Exception {
        ObjectNode served = (ObjectNode) JSON.readTree(http.getForObject("/v3/api-docs", String.class));
        // The address of this run is no one else's: the kept copy names the README's.
        served.putArray("servers").addObject().put("url", "http://localhost:8080")
                .put("description", "The whole system as the README runs it");
        Files.createDirectories(EXPORTED.getParent());
        Files.writeString(EXPORTED, JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n");
        JsonNode kept = Files.exists(KEPT) ? JSON.readTree(KEPT.toFile()) : JSON.createObjectNode();
        assertThat(served.equals(kept)).as("The served API description differs from api/openapi.json: if the change "
                + "is meant, copy launcher/target/openapi.json to api/openapi.json and review the difference").isTrue();
    }
}
