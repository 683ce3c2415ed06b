package org.learninglog.launcher;

import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;

/**
 * The whole of Learning Log in one process on one port (8080): both sides' configuration over
 * one store, by default the embedded one persisted under {@code ./data}.
 */
@SpringBootApplication
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class LearningLogApplication {

    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("serve-store")) {
            ServeStore.run(args);
            return;
        }
        if (args.length >= 2 && args[0].equals("verify-integrity")) {
            System.exit(VerifyIntegrity.run(args[1], Path.of(args.length > 2 ? args[2] : "data")));
        }
        SpringApplication.run(LearningLogApplication.class, args);
    }
}
