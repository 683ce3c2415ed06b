package org.learninglog.launcher.api;

import org.junit.jupiter.api.Test;
import org.learninglog.launcher.LearningLogIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check of the tests' traffic can fail: answers the description does not document are caught. */
@LearningLogIntegrationTest
class DescribedTrafficTest {

    private static final Map<String, List<String>> SIGNED_IN = Map.of("Authorization", List.of("Basic b3BlcmF0b3I6eA=="));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    @LocalServerPort
    int port;

    @Test
    void a_documented_answer_passes() {
        assertThatCode(() -> check(200, JSON, "{\"id\": \"operator\", \"roles\": [\"OPERATOR\"]}")).doesNotThrowAnyException();
    }

    @Test
    void a_field_the_description_does_not_name_fails() {
        assertThatThrownBy(() -> check(200, JSON, "{\"id\": \"operator\", \"password\": \"x\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("password");
    }

    @Test
    void a_status_the_description_does_not_document_fails() {
        assertThatThrownBy(() -> check(418, JSON, "{}")).isInstanceOf(AssertionError.class);
    }

    @Test
    void a_content_type_the_description_does_not_document_fails() {
        assertThatThrownBy(() -> check(200, Map.of("Content-Type", List.of("text/plain")), "operator"))
                .isInstanceOf(AssertionError.class);
    }

    private void check(int status, Map<String, List<String>> headers, String body) {
        DescribedTraffic.check("GET", URI.create("http://localhost:" + port + "/api/me"), SIGNED_IN, null, status,
                headers, body);
    }
}
