package org.learninglog.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.launcher.faults.ChildJvm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher started as a user starts it, on an empty store and then again on the same store:
 * it prints where to open it only once the demo programme is in (loaded, or found there), and a
 * normal start logs no stack trace.
 */
class RunningNoticeTest {

    private static final String RUNNING = "Learning Log is running: open http://localhost:";
    /** A line of a logged stack trace: a frame, a cause, or the frames left out. */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^(\\s+at \\S+\\(|Caused by: |\\s+\\.\\.\\. \\d+ (common )?frames omitted)");
    private static final Duration START = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void the_address_is_printed_after_the_demo_is_in_and_a_start_logs_no_stack_trace() {
        String dataDir = "--learninglog.store.data-dir=" + dir.resolve("data");

        try (ChildJvm empty = ChildJvm.start("empty-store", dir, Map.of(), List.of(), dataDir,
                "--server.port=" + ChildJvm.freePort())) {
            empty.awaitOutput(RUNNING, START);
            String log = empty.output();
            assertThat(log.indexOf("Loaded the demo programme 'demo-programme' into the empty store"))
                    .as("the demo loaded, before the address:\n" + empty.tail())
                    .isNotNegative().isLessThan(log.indexOf(RUNNING));
            assertThat(log).as("stack traces in the start on an empty store").doesNotContainPattern(STACK_TRACE);
            empty.stop();
        }

        try (ChildJvm again = ChildJvm.start("existing-store", dir, Map.of(), List.of(), dataDir,
                "--server.port=" + ChildJvm.freePort())) {
            again.awaitOutput(RUNNING, START);
            String log = again.output();
            assertThat(log.indexOf("Demo programme not loaded: it is there already"))
                    .as("the demo found, before the address:\n" + again.tail())
                    .isNotNegative().isLessThan(log.indexOf(RUNNING));
            assertThat(log).as("stack traces in the start on the existing store").doesNotContainPattern(STACK_TRACE);
            again.stop();
        }
    }
}
