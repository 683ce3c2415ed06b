package org.learninglog.query;

import org.learninglog.store.FailedStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The query side on its own (port 8082): projections and the read API. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QuerySideConfiguration.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        FailedStart.exitIfItFails("The query side", () -> SpringApplication.run(QuerySideApplication.class, args));
    }
}
