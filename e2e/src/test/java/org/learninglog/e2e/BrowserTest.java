package org.learninglog.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.launcher.LearningLogApplication;
import org.learninglog.store.testkit.MongoStoreExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web UI in a real browser: the whole application on a random port, on the store this test run
 * uses (chosen by {@link MongoStoreExtension}, as for every integration test), with the demo
 * programme loaded; then each Playwright script in {@code scripts/} (one per acceptance scenario,
 * and an axe-core pass over every page) runs in {@code node} against it, in headless Chromium
 * from the PATH. Each script saves screenshots under {@code target/screenshots}.
 *
 * <p>Without node, the npm packages ({@code npm ci --prefix e2e}) or chromium, the tests are skipped,
 * so that a machine with only a JDK still passes {@code ./mvnw -B verify}; with
 * {@code -Dbrowser.required=true} (as {@code .ci/run} sets) they fail instead.
 */
@ExtendWith(MongoStoreExtension.class)
@SpringBootTest(classes = LearningLogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"learninglog.demo=auto", "learninglog.store.database=learninglog_e2e",
                // the store may be given by URI here, which turns the demo's accounts off unless forced
                "learninglog.security.demo-accounts-forced=true",
                "learninglog.integrity.key-file=target/e2e-integrity-signing.key"})
class BrowserTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCRIPTS = MODULE.resolve("scripts");
    private static final Path SCREENSHOTS = MODULE.resolve("target/screenshots");
    private static final long SCRIPT_TIMEOUT_SECONDS = 300; // generous: on a loaded shared machine the accessibility pass has taken 150 s

    private static Path chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void theBrowserIsThere() {
        List<String> missing = new ArrayList<>();
        if (onPath("node").isEmpty()) {
            missing.add("node is not on the PATH");
        }
        if (!Files.isDirectory(MODULE.resolve("node_modules/playwright-core"))
                || !Files.isDirectory(MODULE.resolve("node_modules/axe-core"))) {
            missing.add("the npm packages are not installed (run: npm ci --prefix e2e)");
        }
        Optional<Path> found = onPath("chromium");
        if (found.isEmpty()) {
            missing.add("chromium is not on the PATH (run: apt-get install -y chromium)");
        }
        if (!missing.isEmpty()) {
            String why = "Browser tests not run: " + String.join("; ", missing);
            if (Boolean.getBoolean("browser.required")) {
                fail(why + " (browser.required=true)");
            }
            System.out.println(why + ". They run with -Dbrowser.required=true in .ci/run.");
            Assumptions.abort(why);
        }
        chromium = found.get();
    }

    @TestFactory
    Stream<DynamicTest> every_browser_script_passes() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            // -Dbrowser.scripts=09 runs only the scripts whose names start so (one scenario while working on it).
            String only = System.getProperty("browser.scripts", "");
            scripts = files.filter(file -> file.getFileName().toString().matches("\\d\\d-.*\\.mjs"))
                    .filter(file -> file.getFileName().toString().startsWith(only)).sorted().toList();
        }
        assertThat(scripts).as("browser scripts in " + SCRIPTS).isNotEmpty();
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> run(script)));
    }

    private void run(Path script) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        ProcessBuilder builder = new ProcessBuilder(onPath("node").orElseThrow().toString(), script.toString())
                .directory(MODULE.toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        builder.environment().put("CHROMIUM", chromium.toString());
        long started = System.nanoTime();
        Process process = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> System.out.println("[" + script.getFileName() + "] " + line));
            } catch (IOException closed) {
                // the process ended
            }
        });
        pump.start();
        if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(script.getFileName() + " did not finish within " + SCRIPT_TIMEOUT_SECONDS + " s");
        }
        pump.join(5000);
        System.out.printf("[%s] exit %d after %.1f s%n", script.getFileName(), process.exitValue(),
                (System.nanoTime() - started) / 1e9);
        assertThat(process.exitValue()).as(script.getFileName() + " exit code (its output is above)").isZero();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
