package org.learninglog.store.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire server: mongo-java-server with its H2 file backend, bound to the
 * loopback address, so that the real MongoDB driver talks to it over a real socket.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** Version 2: unique index keys are ordered by value (see KeyOrderedH2Database), not as version 1 files hold them. */
    public static final String STORE_FILE = "learning-log-2.mv.db";

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final String uri;
    private final Path file;

    private EmbeddedMongo(Path file, int port) {
        this.file = file;
        MVStore store = file == null
                ? new MVStore.Builder().open()
                // Every write is committed before it is answered (DurableH2Backend). The store's own
                // background thread stays on: it is what compacts old chunks and lets their space be
                // used again; without it a commit per write grows the file by a chunk per write.
                : new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(60)
                        .pageSplitSize(Integer.getInteger("learninglog.h2.page-split", 16 * 1024)).open();
        this.backend = new DurableH2Backend(store);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        this.uri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("Embedded MongoDB-wire server at {} storing in {}", uri, file == null ? "memory" : file);
    }

    /** Starts a server persisted under {@code dataDirectory}; port 0 picks a free port. */
    public static EmbeddedMongo start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDirectory, e);
        }
        return new EmbeddedMongo(dataDirectory.resolve(STORE_FILE), port);
    }

    public String uri() {
        return uri;
    }

    public Path file() {
        return file;
    }

    /**
     * Reserves {@code count} event positions on a counter document of this server, in this
     * process (see {@link DurableH2Backend#reservePositions}); returns the last of them.
     */
    public long reservePositions(String databaseName, String countersCollection, String counterId, long count) {
        return backend.reservePositions(databaseName, countersCollection, counterId, count);
    }

    @Override
    public void close() {
        server.shutdownNow();
        log.info("Embedded MongoDB-wire server at {} stopped", uri);
    }
}
