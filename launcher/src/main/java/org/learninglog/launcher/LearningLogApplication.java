package org.learninglog.launcher;

import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.query.QuerySideConfiguration;
import org.learninglog.store.FailedStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.OptionalInt;

/**
 * The whole of Learning Log in one process on one port (8080): both sides' configuration over
 * one store, by default the embedded one persisted under {@code ./data}.
 */
@SpringBootApplication
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class LearningLogApplication {

    public static void main(String[] args) {
        OptionalInt subcommand = Subcommands.run(args);
        if (subcommand.isPresent()) {
            System.exit(subcommand.getAsInt());
        }
        FailedStart.exitIfItFails("Learning Log", () -> SpringApplication.run(LearningLogApplication.class, args));
    }
}
