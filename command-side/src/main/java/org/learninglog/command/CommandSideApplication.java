package org.learninglog.command;

import org.learninglog.store.FailedStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The command side on its own (port 8081): the write API over the event store. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandSideConfiguration.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        FailedStart.exitIfItFails("The command side", () -> SpringApplication.run(CommandSideApplication.class, args));
    }
}
