package org.learninglog.store.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.learninglog.store.EmbeddedServer;
import org.learninglog.store.MongoStore;
import org.learninglog.store.StoreMode;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives every integration test the same kind of MongoDB, chosen once per test run by
 * {@link StoreMode#choose}: the URI in {@code MONGODB_URI} if set, else a real MongoDB in a
 * Testcontainers replica set where Docker runs, else the embedded server over a socket.
 *
 * <p>It sets {@code learninglog.store.uri} and {@code learninglog.store.database} as system
 * properties, so Spring Boot tests pick the store up with no further configuration, and it
 * resolves a {@link MongoStore} parameter (a fresh database per test class) for plain tests.
 * The mode is written to the test report and to {@code target/store-mode.txt}.
 */
public final class MongoStoreExtension implements TestInstancePreConstructCallback, BeforeAllCallback, ParameterResolver {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server server;

    /**
     * Also before the test instance exists: with {@code @TestInstance(PER_CLASS)} Spring builds the
     * application context when it prepares the instance, before any {@code beforeAll}, and would
     * otherwise start on the application's default store instead of this run's.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        beforeAll(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Server running = server();
        System.setProperty("learninglog.store.uri", running.uri);
        System.setProperty("learninglog.store.database", "learninglog_it");
        context.publishReportEntry("storeMode", running.mode + " " + running.uri);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MongoStore.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Server running = server();
        String database = "learninglog_t" + DATABASES.incrementAndGet();
        // On the embedded server the store reserves event positions in this process, as in production
        MongoStore store = running.embedded != null ? MongoStore.attach(running.embedded, database)
                : MongoStore.connect(running.mode, running.uri, database);
        context.getStore(ExtensionContext.Namespace.create(MongoStoreExtension.class, context.getUniqueId()))
                .put(database, (ExtensionContext.Store.CloseableResource) () -> {
                    store.database().drop();
                    store.close();
                });
        return store;
    }

    /** The mode this run uses. */
    public static StoreMode mode() {
        return server().mode;
    }

    /** The connection string of this run's server. */
    public static String uri() {
        return server().uri;
    }

    private static Server server() {
        Server running = server;
        if (running == null) {
            synchronized (MongoStoreExtension.class) {
                if (server == null) {
                    server = start();
                }
                running = server;
            }
        }
        return running;
    }

    private static Server start() {
        String uri = System.getenv("MONGODB_URI");
        if (uri == null || uri.isBlank()) {
            uri = System.getProperty("learninglog.test.mongodb-uri");
        }
        StoreMode mode = StoreMode.choose(uri, dockerAvailable());
        Server started = switch (mode) {
            case URI -> new Server(mode, uri);
            case TESTCONTAINERS -> {
                MongoDBContainer container = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));
                container.start();
                yield new Server(mode, container.getReplicaSetUrl());
            }
            case EMBEDDED -> {
                try {
                    Path folder = Files.createTempDirectory("learninglog-store");
                    EmbeddedServer embedded = EmbeddedServer.start(folder, 0);
                    Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
                    yield new Server(mode, embedded.uri(), embedded);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        report(started);
        return started;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable notThere) {
            return false;
        }
    }

    private static void report(Server started) {
        String line = "Learning Log integration tests ran on store mode " + started.mode + " (" + started.uri + ")";
        System.out.println(line);
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("store-mode.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Server(StoreMode mode, String uri, EmbeddedServer embedded) {

        Server(StoreMode mode, String uri) {
            this(mode, uri, null);
        }
    }
}
