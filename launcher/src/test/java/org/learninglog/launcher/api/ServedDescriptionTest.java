package org.learninglog.launcher.api;

import org.junit.jupiter.api.Test;
import org.learninglog.launcher.LearningLogIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@LearningLogIntegrationTest
class ServedDescriptionTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void dump() throws Exception {
        String served = http.getForObject("/v3/api-docs", String.class);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), served);
        assertThat(served).isNotEmpty();
    }
}
