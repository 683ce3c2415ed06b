package org.learninglog.store.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;

/**
 * The sides' own Spring tests act as the demo accounts' operator (each side alone has them too):
 * they import this and inject {@link Operator} for a client signed in as them; an injected
 * {@code TestRestTemplate} stays anonymous.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInAsOperator {

    public static final String NAME = "operator";
    public static final String PASSWORD = "learning-log-demo";

    /** @param http a client that sends the operator's credentials with every request */
    public record Operator(TestRestTemplate http) {
    }

    @Bean
    Operator operator(TestRestTemplate anybody) {
        return new Operator(anybody.withBasicAuth(NAME, PASSWORD));
    }
}
