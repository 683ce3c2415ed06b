package org.learninglog.launcher;

import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.launcher.api.CheckedAgainstTheDescription;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port, on the store this test run uses. Every test class
 * that carries it shares one Spring context (and so one set of event processors): two contexts
 * on one database would both claim the processors' tokens, as they run under the same owner.
 * Metrics are exported (Spring Boot turns that off in tests by default) so that the Prometheus
 * endpoint can be tested. Clients sign in as the operator of the test accounts unless a test
 * signs in as someone else; every exchange of theirs is checked against the served API description.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MongoStoreExtension.class)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = LearningLogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"learninglog.demo=off", "spring.config.import=classpath:learninglog-test-accounts.yml",
                "learninglog.security.rate-limit.requests=0"})
@Import({SignedInAsOperator.class, CheckedAgainstTheDescription.class})
public @interface LearningLogIntegrationTest {
}
