package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.learninglog.command.demo.DemoProgramme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The build's training run for the application class-data archive the run command starts with
 * (launcher/pom.xml, docs/benchmarks.md "Start"). With {@code learninglog.class-data-training=true}
 * the application, once ready on an empty store (the demo loaded, the views caught up), asks itself
 * over HTTP for what a first visitor's browser asks for, and then exits: the JVM's
 * {@code -XX:ArchiveClassesAtExit} then holds the classes of the start, of the views' processors
 * and of a request's whole way through Tomcat, security and the controllers, not only those of the
 * context's refresh. Measured: the first page on an existing store a second sooner than with an
 * archive of the refresh alone.
 */
@Component
@ConditionalOnProperty(name = "learninglog.class-data-training", havingValue = "true")
class ClassDataTraining {

    /** A demo account (on loopback with the embedded store only, which is what the training runs on). */
    private static final String SIGN_IN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:learning-log-demo".getBytes(StandardCharsets.UTF_8));

    private final DemoProgramme demo;
    private final ObjectMapper json;

    ClassDataTraining(DemoProgramme demo, ObjectMapper json) {
        this.demo = demo;
        this.json = json;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        // Not in the event's thread: exiting from inside the context's own event would wait on it.
        Thread visit = new Thread(() -> {
            int code = 0;
            try {
                visit("http://127.0.0.1:" + web.getWebServer().getPort());
            } catch (Exception e) {
                System.out.println("The training run's visit failed (the archive holds less): " + e);
            } finally {
                code = SpringApplication.exit(web);
                System.exit(code);
            }
        }, "class-data-training");
        visit.start();
    }

    private void visit(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String programme = URLEncoder.encode(demo.programmeId(), StandardCharsets.UTF_8);
        List<String> paths = new ArrayList<>(List.of("/", "/css/app.css", "/js/pages/home.js", "/journey.html",
                "/api/me", "/api/places?programmeId=" + programme, "/api/programmes/" + programme + "/timeline",
                "/api/programmes/" + programme + "/counts"));
        for (int i = 0; i < paths.size(); i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + paths.get(i)))
                    .header("Authorization", SIGN_IN).GET().build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("Training run: GET " + paths.get(i) + " " + answer.statusCode());
            if (paths.get(i).startsWith("/api/places?") && answer.statusCode() == 200) {
                JsonNode place = firstPlace(json.readTree(answer.body()));
                if (place != null) {
                    paths.add("/api/places/" + URLEncoder.encode(place.asText(), StandardCharsets.UTF_8) + "/journey");
                }
            }
        }
    }

    private static JsonNode firstPlace(JsonNode places) {
        return places.isArray() && !places.isEmpty() ? places.get(0).get("placeId") : null;
    }
}
