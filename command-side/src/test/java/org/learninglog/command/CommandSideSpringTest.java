package org.learninglog.command;

import org.learninglog.store.testkit.SignedInAsOperator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command side running as an application of its own, over HTTP on a random port, on a store
 * of the test's own ({@link MongoStoreExtension}), with its metrics endpoint, and a client signed
 * in as the operator ({@link SignedInAsOperator}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MongoStoreExtension.class)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the store is given by URI here, which turns the demo's accounts off unless forced
        properties = "learninglog.security.demo-accounts-forced=true")
@Import(SignedInAsOperator.class)
public @interface CommandSideSpringTest {
}
