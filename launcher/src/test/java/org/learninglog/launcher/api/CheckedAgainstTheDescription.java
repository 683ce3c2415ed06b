package org.learninglog.launcher.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Every test client's exchanges are checked against the served API description
 * ({@link DescribedTraffic}). Last of the interceptors, so that it sees the request as sent,
 * credentials included.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CheckedAgainstTheDescription {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RestTemplateCustomizer checkAgainstTheDescription() {
        return restTemplate -> restTemplate.getInterceptors().add(checking());
    }

    static ClientHttpRequestInterceptor checking() {
        return (request, body, execution) -> {
            ClientHttpResponse response = execution.execute(request, body);
            byte[] answer;
            try (InputStream in = response.getBody()) {
                answer = in.readAllBytes();
            }
            DescribedTraffic.check(request.getMethod().name(), request.getURI(), request.getHeaders(),
                    new String(body, StandardCharsets.UTF_8), response.getStatusCode().value(), response.getHeaders(),
                    new String(answer, StandardCharsets.UTF_8));
            return new Buffered(response, answer);
        };
    }

    /** The answer with its body read once, for the check, and given again to the test. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws java.io.IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws java.io.IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }
    }
}
