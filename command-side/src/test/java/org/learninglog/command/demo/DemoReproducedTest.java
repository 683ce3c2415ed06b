package org.learninglog.command.demo;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.learninglog.command.CommandSideSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo programme sends exactly the commands of the fixture {@code demo/demo-commands.jsonl}:
 * the same commands, in the same order, with the same ids and values. The fixture was captured
 * from the demo as it was written in code, before its content became a file; this test is the
 * proof that the content file reproduces it. The count the load returns is that of the events
 * stored for the commands. Each run writes what it sent to
 * {@code target/demo-commands.jsonl}, to diff against the fixture when they differ.
 */
@CommandSideSpringTest
class DemoReproducedTest {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new Jdk8Module()).build(); // a revision's changes (optionals) are written as their values

    @Autowired
    DemoProgramme demo;

    @Autowired
    CommandBus commandBus;

    @Autowired
    EventStore events;

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Test
    void the_demo_sends_the_commands_of_the_fixture_in_its_order() throws IOException {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        Set<String> aggregates = Collections.synchronizedSet(new LinkedHashSet<>());
        Registration recording = commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
            sent.add(line(command));
            aggregates.add(targets.resolveTarget(command).getIdentifier());
            return command;
        });
        Map<String, Integer> tally;
        try {
            tally = demo.load();
        } finally {
            recording.cancel();
        }

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "demo-commands.jsonl"), sent, StandardCharsets.UTF_8);
        assertThat(sent).hasSizeGreaterThan(250).containsExactlyElementsOf(fixture());
        assertThat(tally).as("the events of each type the load says it applied")
                .isEqualTo(storedEventsByType(aggregates));
    }

    private Map<String, Integer> storedEventsByType(Set<String> aggregates) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String aggregateId : aggregates) {
            events.readEvents(aggregateId).asStream()
                    .forEach(event -> counts.merge(event.getPayloadType().getSimpleName(), 1, Integer::sum));
        }
        return counts;
    }

    /** A command as one line: its type, then its fields as JSON. */
    private static String line(CommandMessage<?> command) {
        try {
            return command.getPayloadType().getSimpleName() + " " + JSON.writeValueAsString(command.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fixture() throws IOException {
        try (InputStream in = DemoReproducedTest.class.getResourceAsStream("/demo/demo-commands.jsonl")) {
            assertThat(in).as("the fixture demo/demo-commands.jsonl").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
