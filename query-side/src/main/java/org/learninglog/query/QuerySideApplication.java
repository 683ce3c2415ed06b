package org.learninglog.query;

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
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
