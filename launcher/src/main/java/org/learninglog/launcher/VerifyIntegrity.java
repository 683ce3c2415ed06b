package org.learninglog.launcher;

import org.learninglog.store.MongoStore;
import org.learninglog.embedded.StoreDamaged;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.PositionedEventStorageEngine;
import org.learninglog.store.integrity.CheckpointSigner;
import org.learninglog.store.integrity.EventChain;
import org.learninglog.store.integrity.IntegrityReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The command-line check of the record's integrity:
 * {@code java -jar launcher.jar verify-integrity <programme> [data-dir]}. It reads the store
 * that {@code MONGODB_URI} names, or the embedded store's data folder (default {@code ./data}),
 * which only one process can open: stop the system first, or ask its API instead
 * ({@code GET /api/programmes/{id}/integrity}). Exits 0 when intact, 1 when a link is broken (the record
 * was changed), 2 when the store is damaged (a position cannot be read, or the file does not open).
 */
final class VerifyIntegrity {

    private VerifyIntegrity() {
    }

    static int run(String[] args) {
        String programme = Subcommands.argument(args, 0);
        Path dataDir = Path.of(args.length > 1 ? args[1] : "data");
        try {
            return run(programme, dataDir);
        } catch (StoreDamaged e) {
            System.out.println("DAMAGED: " + e.getMessage());
            return 2;
        } catch (com.mongodb.MongoSocketException | com.mongodb.MongoTimeoutException e) {
            if (System.getenv("MONGODB_URI") != null) {
                throw e;
            }
            // The embedded store runs in this process and closes the connection when a page of its
            // file cannot be decoded; the driver only sees the connection go.
            System.out.println("DAMAGED: the store at " + dataDir + " stopped answering while it was read: a part of its file"
                    + " cannot be decoded. To go on, " + StoreDamaged.whatToDo(dataDir) + ".");
            return 2;
        }
    }

    static int run(String programme, Path dataDir) {
        String uri = System.getenv("MONGODB_URI");
        Path keyFile = dataDir.resolve("integrity-signing.key");
        if (!Files.exists(keyFile)) {
            System.err.println("No checkpoint signing key at " + keyFile + ": is this the data folder of a Learning Log store?");
            return 2;
        }
        try (MongoStore store = MongoStore.open(uri, dataDir, 0, null);
             PositionedEventStorageEngine engine = PositionedEventStorageEngine.builder()
                     .database(store.database())
                     .eventSerializer(EventJson.serializer())
                     .snapshotSerializer(EventJson.serializer())
                     .build()) {
            EventChain chain = new EventChain(engine, store.database(), CheckpointSigner.fromFile(keyFile),
                    Duration.ofMinutes(1), Clock.systemUTC());
            IntegrityReport report = chain.verify(programme);
            if (report.intact()) {
                System.out.printf("intact: programme %s, %d events verified, head %s, %d signed checkpoints matched"
                        + "%s%n", programme, report.count(), report.headHash(), report.checkpoints(),
                        report.unsealed() > 0 ? ", " + report.unsealed() + " newest events not sealed yet" : "");
                return 0;
            }
            if (report.broken().unreadable()) {
                System.out.printf("DAMAGED: programme %s, at position %d: %s; %d events verified before it. %s%n",
                        programme, report.broken().position(), report.broken().reason(), report.count(),
                        "To go on, " + StoreDamaged.whatToDo(dataDir) + ".");
                return 2;
            }
            System.out.printf("BROKEN: programme %s, at position %d (event %s): %s; %d events verified before it%n",
                    programme, report.broken().position(), report.broken().eventId(), report.broken().reason(), report.count());
            return 1;
        }
    }
}
