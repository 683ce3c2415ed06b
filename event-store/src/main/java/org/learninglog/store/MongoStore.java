package org.learninglog.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.learninglog.embedded.EmbeddedMongo;
import org.learninglog.store.engine.PositionReserver;

import org.bson.Document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        this.client = MongoClients.create(settings(connection));
    }

    /**
     * The driver's defaults wait 30 s to find a server, so during an outage every request would
     * hang half a minute before failing. Here a request waits at most 700 ms for a usable server
     * (a write may wait twice, as the driver retries it once: still within two seconds), and the
     * driver finds the server again on the next request once it is back. The connect timeout, which
     * is also how long the driver's monitor waits for a server's answer to its heartbeat, stays
     * generous (5 s): a busy machine's slow answer must not make a live store look gone, and a
     * request never waits for it, only for server selection. The read timeout (10 s) is for the
     * rare long read, a rebuild's batch. Any of these set in the URI wins.
     */
    private static MongoClientSettings settings(ConnectionString connection) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connection);
        if (connection.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(700, TimeUnit.MILLISECONDS));
        }
        if (connection.getConnectTimeout() == null) {
            settings.applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS));
        }
        if (connection.getSocketTimeout() == null) {
            settings.applyToSocketSettings(socket -> socket.readTimeout(10, TimeUnit.SECONDS));
        }
        return settings.build();
    }

    /**
     * Why this store cannot take a write now, {@code null} if it can: it does not answer a
     * {@code ping} (within the server selection timeout above), or the embedded store of this
     * process has closed its file or is below its disk reserve.
     */
    public String whyNotWritable() {
        try {
            database().runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            return "the store at " + new ConnectionString(uri).getHosts() + " does not answer: " + e.getClass().getSimpleName();
        }
        return embedded == null ? null : embedded.whyNotWritable();
    }

    /** Connects to {@code uri} if one is given, else starts the embedded server under {@code dataDirectory}. */
    public static MongoStore open(String uri, Path dataDirectory, int embeddedPort, String databaseName) {
        StoreMode mode = StoreMode.choose(uri, false);
        MongoStore store;
        if (mode == StoreMode.URI) {
            store = new MongoStore(mode, uri, databaseName, null, false);
        } else {
            EmbeddedMongo embedded = EmbeddedMongo.start(dataDirectory, embeddedPort, EngineLayout.OF_THE_ENGINE);
            store = new MongoStore(mode, embedded.uri(), databaseName, embedded, true);
        }
        store.awaitReachable(STARTUP_WAIT);
        return store;
    }

    /**
     * How long a starting process waits for its store. Requests fail fast (above); a start does not
     * have to: a store that comes up a little after the application, or answers slowly on a busy
     * machine, is waited for, and one that is still away after this fails the start plainly.
     */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private void awaitReachable(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                database().runCommand(new Document("ping", 1));
                return;
            } catch (MongoException e) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("The store at " + new ConnectionString(uri).getHosts()
                            + " did not answer within " + bound.toSeconds() + " s: " + e.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** A store on a server somebody else runs (a test container, a given URI). */
    public static MongoStore connect(StoreMode mode, String uri, String databaseName) {
        return new MongoStore(mode, uri, databaseName, null, false);
    }

    /** A store on an embedded server of this process that somebody else started and closes (tests). */
    public static MongoStore attach(EmbeddedServer server, String databaseName) {
        return new MongoStore(StoreMode.EMBEDDED, server.uri(), databaseName, server.mongo(), false);
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

    /**
     * How the views read and write their documents as BSON bytes without the wire, on the embedded
     * server of this process (see {@link EncodedDocuments}); {@code null} (through the driver) for any other.
     */
    public EncodedDocuments encodedDocuments() {
        if (embedded == null) {
            return null;
        }
        return new EncodedDocuments() {
            @Override
            public void insert(String collection, List<org.bson.RawBsonDocument> documents) {
                embedded.insertEncoded(databaseName, collection, documents.stream().map(MongoStore::bytesOf).toList());
            }

            @Override
            public void replace(String collection, List<org.bson.RawBsonDocument> documents) {
                embedded.replaceEncoded(databaseName, collection, documents.stream().map(MongoStore::bytesOf).toList());
            }

            @Override
            public List<org.bson.RawBsonDocument> find(String collection, java.util.Collection<String> ids) {
                List<byte[]> found = embedded.findEncoded(databaseName, collection, ids);
                return found == null ? null : found.stream().map(org.bson.RawBsonDocument::new).toList();
            }
        };
    }

    /** The document's bytes: its own array when it has one to itself (as the views encode them), else a copy. */
    private static byte[] bytesOf(org.bson.RawBsonDocument document) {
        org.bson.ByteBuf buffer = document.getByteBuffer();
        if (buffer.isBackedByArray() && buffer.arrayOffset() == 0 && buffer.position() == 0 && buffer.limit() == buffer.array().length) {
            return buffer.array();
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
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
