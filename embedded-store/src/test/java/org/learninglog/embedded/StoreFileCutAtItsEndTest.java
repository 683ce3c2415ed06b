package org.learninglog.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store file that lost its end (a copy cut short, a disk that lost its last writes) may still open
 * in H2, at an older version whose chunks all survived: H2 falls back to it without a word. Started
 * on it, Learning Log would answer as if the lost events had never been written and hand their
 * positions out again; so the store refuses it, and {@code recover} copies the older version saying
 * what it lacks.
 */
class StoreFileCutAtItsEndTest {

    private static final int COMMITS = 300;

    @Test
    void aFileThatOpensOnlyAtAnOlderVersionIsRefusedNamingBothVersions(@TempDir Path folder) throws Exception {
        Path file = aStoreOfSeparateCommitsCutAtItsEnd(folder);
        long[] versions = openedAndRecorded(file);
        assertThat(versions[0]).as("H2 falls back to an older version of the cut file").isLessThan(versions[1]);

        assertThatThrownBy(() -> EmbeddedMongo.start(folder, 0, Layouts.PLAIN).close())
                .isInstanceOf(StoreDamaged.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot be opened at its newest version")
                .hasMessageContaining("opens only at version " + versions[0] + ", older than version " + versions[1])
                .hasMessageContaining("restore a backup");
    }

    @Test
    void recoverCopiesTheOlderVersionAndSaysTheWritesAfterItAreLost(@TempDir Path folder) throws Exception {
        Path damaged = folder.resolve("damaged");
        aStoreOfSeparateCommitsCutAtItsEnd(damaged);

        RecoveryReport report = StoreRecovery.recover(damaged, folder.resolve("recovered"), Layouts.PLAIN);

        assertThat(report.complete()).isFalse();
        assertThat(report.lost()).anySatisfy(line -> assertThat(line).contains("opens only at that version"));
        assertThat(report.commits()).isBetween(1L, COMMITS - 1L);
        try (EmbeddedMongo recovered = EmbeddedMongo.start(folder.resolve("recovered"), 0, Layouts.PLAIN);
             MongoClient client = MongoClients.create(recovered.uri())) {
            assertThat(client.getDatabase("t").getCollection("events").countDocuments()).isEqualTo(report.commits());
        }
    }

    /**
     * Commits written one by one, as appends are, the store closed cleanly, then the file cut where
     * its newest chunk begins (the block the header names), as a copy stopped short would leave it.
     */
    private static Path aStoreOfSeparateCommitsCutAtItsEnd(Path folder) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(folder, 0, Layouts.PLAIN); MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
            for (long position = 1; position <= COMMITS; position++) {
                events.insertOne(new Document("_id", position).append("n", 1).append("payload", "an insight noticed, ".repeat(20)));
            }
        }
        Path file = folder.resolve(EmbeddedMongo.STORE_FILE);
        long newestChunkAt;
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            newestChunkAt = org.h2.mvstore.DataUtils.readHexLong(store.getStoreHeader(), "block", 0) * 4096;
        } finally {
            store.close();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(newestChunkAt);
        }
        return file;
    }

    /** The version the file opens at, and the version its header recorded. */
    private static long[] openedAndRecorded(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return new long[] {store.getCurrentVersion(), StoreFile.recordedVersion(store)};
        } finally {
            store.close();
        }
    }
}
