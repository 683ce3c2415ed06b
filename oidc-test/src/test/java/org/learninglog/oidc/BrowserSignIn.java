package org.learninglog.oidc;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A person in headless Chromium (Debian's, driven by e2e's playwright-core) following their
 * invitation link and signing in at Keycloak: {@code e2e/scripts/oidc/accept-at-keycloak.mjs}.
 * Nothing here is optional: the profile that runs this test is asked for on purpose.
 */
final class BrowserSignIn {

    private static final long TIMEOUT_SECONDS = 180;

    private final Path e2e;
    private final Path node;
    private final Path chromium;

    private BrowserSignIn(Path e2e, Path node, Path chromium) {
        this.e2e = e2e;
        this.node = node;
        this.chromium = chromium;
    }

    static BrowserSignIn find(Path e2e) {
        List<String> missing = new ArrayList<>();
        Optional<Path> node = onPath("node");
        Optional<Path> chromium = onPath("chromium");
        if (node.isEmpty()) {
            missing.add("node is not on the PATH");
        }
        if (chromium.isEmpty()) {
            missing.add("chromium is not on the PATH (apt-get install -y chromium)");
        }
        if (!Files.isDirectory(e2e.resolve("node_modules/playwright-core"))) {
            missing.add("e2e's npm packages are not installed (npm ci --prefix e2e)");
        }
        if (!missing.isEmpty()) {
            fail("The sign-in at Keycloak needs a browser: " + String.join("; ", missing));
        }
        return new BrowserSignIn(e2e, node.get(), chromium.get());
    }

    /** Accepts the invitation at {@code link} as {@code user}; answers the script's output. */
    String accept(String baseUrl, String link, String user, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(node.toString(), "scripts/oidc/accept-at-keycloak.mjs")
                .directory(e2e.toFile()).redirectErrorStream(true);
        builder.environment().put("BASE_URL", baseUrl);
        builder.environment().put("LINK", link);
        builder.environment().put("KC_USER", user);
        builder.environment().put("KC_PASSWORD", password);
        builder.environment().put("CHROMIUM", chromium.toString());
        builder.environment().put("SCREENSHOT_DIR", Path.of("target/screenshots").toAbsolutePath().toString());
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> {
                    System.out.println("[browser " + user + "] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                });
            } catch (IOException closed) {
                // the process ended
            }
        });
        pump.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("The browser did not finish within " + TIMEOUT_SECONDS + " s");
        }
        pump.join(5000);
        synchronized (output) {
            assertThat(process.exitValue()).as("the browser's exit code; its output:\n" + output).isZero();
            return output.toString();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
