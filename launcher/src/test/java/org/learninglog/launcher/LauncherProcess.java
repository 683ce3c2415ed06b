package org.learninglog.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The launcher run as a user runs it: a JVM of its own on this test's class path, its output kept. */
final class LauncherProcess {

    record Finished(int exitCode, String stdout, String stderr, Duration took) {
    }

    private LauncherProcess() {
    }

    /** Runs the launcher with {@code args}; fails the test if it has not ended within {@code bound}. */
    static Finished run(Path workDir, Duration bound, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                LearningLogApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("MONGODB_URI"); // the embedded store on the folder given, whatever the test run uses
        Process process = builder.start();
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The launcher (" + String.join(" ", args) + ") was still running after " + bound
                        + "; its stderr: " + Files.readString(err));
            }
            return new Finished(process.exitValue(), Files.readString(out), Files.readString(err),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            process.destroyForcibly();
        }
    }
}
