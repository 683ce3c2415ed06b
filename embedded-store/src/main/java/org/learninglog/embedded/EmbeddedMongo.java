package org.learninglog.embedded;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded MongoDB-wire server: mongo-java-server with its H2 file backend, bound to the
 * loopback address, so that the real MongoDB driver talks to it over a real socket.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** Version 2: unique index keys are ordered by value (see KeyOrderedH2Database), not as version 1 files hold them. */
    public static final String STORE_FILE = "learning-log-2.mv.db";

    /**
     * How often the file is synced: what a power cut could cost at most. Short, because every
     * commit walks the versions kept since the last sync (measured: at half a second and a
     * few thousand writes a second, that walk was 40 % of a write); a sync takes under a millisecond.
     */
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMillis(100);

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final String uri;
    private final Path file;

    private EmbeddedMongo(Path file, int port, EventStoreLayout layout) {
        this.file = file;
        this.backend = file == null ? DurableH2Backend.inMemoryStore(layout) : DurableH2Backend.onFile(file, HOUSEKEEPING_INTERVAL, layout);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        this.uri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("Embedded MongoDB-wire server at {} storing in {}", uri, file == null ? "memory" : file);
    }

    /**
     * Starts a server persisted under {@code dataDirectory}; port 0 picks a free port. The
     * {@code layout} is what the event store tells it of its record (see {@link EventStoreLayout}).
     * Refuses to start on versions of mongo-java-server or H2 it was not written for ({@link SupportedVersions}).
     */
    public static EmbeddedMongo start(Path dataDirectory, int port, EventStoreLayout layout) {
        SupportedVersions.ensureInUse();
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDirectory, e);
        }
        return new EmbeddedMongo(dataDirectory.resolve(STORE_FILE), port, layout);
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

    /**
     * Inserts documents already encoded as BSON into {@code collectionName}, in this process, without
     * waiting for the journal (see {@link DurableH2Backend#writeEncoded}).
     */
    public void insertEncoded(String databaseName, String collectionName, java.util.List<byte[]> documents) {
        backend.writeEncoded(databaseName, collectionName, documents, false);
    }

    /** Puts documents already encoded as BSON in place of those with their {@code _id}s (inserting those not there), as {@link #insertEncoded}. */
    public void replaceEncoded(String databaseName, String collectionName, java.util.List<byte[]> documents) {
        backend.writeEncoded(databaseName, collectionName, documents, true);
    }

    /**
     * The documents of {@code collectionName} with these string {@code _id}s as the BSON the store holds, in
     * this process; {@code null} if that collection's documents cannot be read so (see {@link DurableH2Backend#findEncoded}).
     */
    public java.util.List<byte[]> findEncoded(String databaseName, String collectionName, java.util.Collection<String> ids) {
        return backend.findEncoded(databaseName, collectionName, ids);
    }

    /**
     * Why this store cannot take a write now (its file closed by H2, or its disk below the
     * reserve {@link DiskReserve} keeps); {@code null} when it can.
     */
    public String whyNotWritable() {
        return backend.whyNotWritable();
    }

    /** Whether writes that did not wait for the journal are still to be committed to the file. */
    boolean hasUncommittedWrites() {
        return backend.hasUncommittedWrites();
    }

    /**
     * Writes a consistent backup of the store, while it is in use, to {@code target}: a zip of the
     * store file and the checkpoint signing key {@code keyFile} (see {@link StoreBackup}).
     */
    public void backup(OutputStream target, Path keyFile) throws IOException {
        if (file == null) {
            throw new IllegalStateException("A store in memory has no file to back up");
        }
        backend.backup(file, keyFile, target);
    }

    /** Unpacks a backup into a new data folder and opens it once, so a backup that does not open is found now. */
    public static void restore(Path backup, Path newDataDirectory, EventStoreLayout layout) {
        StoreBackup.unpack(backup, newDataDirectory);
        try (EmbeddedMongo check = start(newDataDirectory, 0, layout)) {
            log.info("Restored {} into {}", backup, check.file());
        }
    }

    /** Copies what can be read from the damaged store under {@code damagedDirectory} into a new store (see {@link StoreRecovery}). */
    public static RecoveryReport recover(Path damagedDirectory, Path newDataDirectory, EventStoreLayout layout) throws IOException {
        SupportedVersions.ensureInUse();
        return StoreRecovery.recover(damagedDirectory, newDataDirectory, layout);
    }

    @Override
    public void close() {
        server.shutdownNow();
        log.info("Embedded MongoDB-wire server at {} stopped", uri);
    }
}
