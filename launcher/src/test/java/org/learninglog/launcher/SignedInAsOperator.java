package org.learninglog.launcher;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;

/**
 * Every test client signs in as the installation's operator unless a test chooses another member
 * ({@code http.withBasicAuth(...)} sends its own credentials, which this leaves alone).
 */
@TestConfiguration(proxyBeanMethods = false)
class SignedInAsOperator {

    static final String PASSWORD = "learning-log-demo";

    @Bean
    RestTemplateCustomizer signInAsOperator() {
        return restTemplate -> restTemplate.getInterceptors().add(new BasicAuthenticationInterceptor("operator", PASSWORD));
    }
}
