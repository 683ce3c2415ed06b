package org.learninglog.store;

import org.learninglog.embedded.EmbeddedMongo;
import org.learninglog.embedded.RecoveryReport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The embedded store run by a process of its own rather than by an application: {@code serve-store},
 * the backup, restore and recover commands of a stopped system, and the test kit's shared server.
 * Like {@link MongoStore} it hands the embedded store the engine's layout; outside these two, nothing
 * uses the embedded module.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final EmbeddedMongo mongo;

    private EmbeddedServer(EmbeddedMongo mongo) {
        this.mongo = mongo;
    }

    /** Starts the server on the store under {@code dataDirectory}; port 0 picks a free port. */
    public static EmbeddedServer start(Path dataDirectory, int port) {
        return new EmbeddedServer(EmbeddedMongo.start(dataDirectory, port, EngineLayout.OF_THE_ENGINE));
    }

    /** Unpacks a backup into a new data folder and opens it once, so a backup that does not open is found now. */
    public static void restore(Path backup, Path newDataDirectory) {
        EmbeddedMongo.restore(backup, newDataDirectory, EngineLayout.OF_THE_ENGINE);
    }

    /** Copies what can be read from the damaged store under {@code damagedDirectory} into a new store. */
    public static RecoveryReport recover(Path damagedDirectory, Path newDataDirectory) throws IOException {
        return EmbeddedMongo.recover(damagedDirectory, newDataDirectory, EngineLayout.OF_THE_ENGINE);
    }

    public String uri() {
        return mongo.uri();
    }

    /** The store file it serves. */
    public Path file() {
        return mongo.file();
    }

    /** Writes a consistent backup of the store, while it runs, with the checkpoint signing key {@code keyFile}. */
    public void backup(OutputStream target, Path keyFile) throws IOException {
        mongo.backup(target, keyFile);
    }

    /** For {@link MongoStore#attach}: a store on this server reserves positions in this process. */
    EmbeddedMongo mongo() {
        return mongo;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
