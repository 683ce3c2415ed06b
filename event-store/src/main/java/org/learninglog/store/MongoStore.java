package org.learninglog.store;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.learninglog.store.embedded.EmbeddedMongo;
import org.learninglog.store.engine.PositionReserver;

import java.nio.file.Path;

/**
 * The MongoDB that this process uses: either the one a URI names, or an embedded server it
 * starts and owns. Both the event store and the read models live in its database.
 */
public final class MongoStore implements AutoCloseable {

    private final StoreMode mode;
    private final String uri;
    private final String databaseName;
    private final EmbeddedMongo embedded;
    private final boolean ownsEmbedded;
    private final MongoClient client;

    private MongoStore(StoreMode mode, String uri, String databaseName, EmbeddedMongo embedded, boolean ownsEmbedded) {
        this.mode = mode;
        this.uri = uri;
        this.embedded = embedded;
        this.ownsEmbedded = ownsEmbedded;
        ConnectionString connection = new ConnectionString(uri);
        this.databaseName = databaseName != null && !databaseName.isBlank() ? databaseName
                : connection.getDatabase() != null ? connection.getDatabase() : "learninglog";
        this.client = MongoClients.create(connection);
    }

    /** Connects to {@code uri} if one is given, else starts the embedded server under {@code dataDirectory}. */
    public static MongoStore open(String uri, Path dataDirectory, int embeddedPort, String databaseName) {
        StoreMode mode = StoreMode.choose(uri, false);
        if (mode == StoreMode.URI) {
            return new MongoStore(mode, uri, databaseName, null, false);
        }
        EmbeddedMongo embedded = EmbeddedMongo.start(dataDirectory, embeddedPort);
        return new MongoStore(mode, embedded.uri(), databaseName, embedded, true);
    }

    /** A store on a server somebody else runs (a test container, a given URI). */
    public static MongoStore connect(StoreMode mode, String uri, String databaseName) {
        return new MongoStore(mode, uri, databaseName, null, false);
    }

    /** A store on an embedded server of this process that somebody else started and closes (tests). */
    public static MongoStore attach(EmbeddedMongo embedded, String databaseName) {
        return new MongoStore(StoreMode.EMBEDDED, embedded.uri(), databaseName, embedded, false);
    }

    /**
     * How the event storage engine reserves positions in this process: on the embedded server
     * it runs the counter's {@code $inc} without a round trip; {@code null} (through the driver)
     * for any other server.
     */
    public PositionReserver positionReserver() {
        if (embedded == null) {
            return null;
        }
        return (collection, counterId, count) -> embedded.reservePositions(databaseName, collection, counterId, count);
    }

    /** The embedded server's store file; {@code null} on any other server or a store in memory. */
    public Path embeddedFile() {
        return embedded == null ? null : embedded.file();
    }

    /** Writes a consistent backup of the embedded store while it runs; only the embedded store has a file to back up. */
    public void backupEmbedded(java.io.OutputStream target, Path keyFile) throws java.io.IOException {
        if (embedded == null || embedded.file() == null) {
            throw new IllegalStateException("Only the embedded store is backed up by Learning Log: back up a MongoDB with mongodump");
        }
        embedded.backup(target, keyFile);
    }

    public StoreMode mode() {
        return mode;
    }

    public String uri() {
        return uri;
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    public String databaseName() {
        return databaseName;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null && ownsEmbedded) {
            embedded.close();
        }
    }
}
