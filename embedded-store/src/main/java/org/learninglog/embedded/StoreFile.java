package org.learninglog.embedded;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import java.nio.file.Path;
import java.time.Duration;

/** Opens the embedded store's file, saying in plain words why when it cannot, and checks it before it is used. */
final class StoreFile {

    /**
     * How long the check at opening may read ({@code -Dlearninglog.embedded.check-seconds}, 0 to skip).
     * Long enough to read a store of 100,000 events through on two cores (see docs/operations.md).
     */
    private static final Duration CHECK_BUDGET = Duration.ofSeconds(Long.getLong("learninglog.embedded.check-seconds", 30));

    private StoreFile() {
    }

    /**
     * How much may be changed before a write commits whatever is pending by itself, in H2's unit
     * (kilobytes of the file; H2 counts 19 times as much memory): about a sixteenth of the heap, at
     * most 128 MB of memory. Journaled writes commit each one anyway; this bounds what writes that
     * do not wait for the journal (a rebuild's) leave pending between the rounds that commit them.
     * H2's default, 19 MB of memory, made such a write commit in the middle of a rebuild's bulk
     * every few thousand documents.
     */
    static int unsavedKilobytes() {
        long memory = Math.min(Runtime.getRuntime().maxMemory() / 16, 128L << 20);
        return (int) Math.max(1024, memory / 19 / 1024);
    }

    static MVStore openForWriting(Path file, int cacheMegabytes, EventStoreLayout layout) {
        MVStore store = open(file, new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
                .autoCommitBufferSize(unsavedKilobytes()).cacheSize(cacheMegabytes));
        try {
            refuseAnOlderVersion(store, file);
            if (!CHECK_BUDGET.isZero()) {
                new StoreFileCheck(store, file, layout).run(CHECK_BUDGET);
            }
            return store;
        } catch (RuntimeException e) {
            store.closeImmediately(); // lets the file go, so that recover or a second try can open it
            throw e;
        }
    }

    /**
     * The version the file's header last recorded ({@code 0} if none). H2 writes its header at
     * least every twenty versions and when the store closes, each time naming the newest version
     * then written. Opening a file whose newest chunks were cut off, overwritten or never reached
     * the disk, H2 quietly falls back to the newest older version it can read whole; a version
     * older than the header's means writes the file once held are gone.
     */
    static long recordedVersion(MVStore store) {
        return DataUtils.readHexLong(store.getStoreHeader(), "version", 0);
    }

    /** Whether the store opened at an older version than its header recorded (see {@link #recordedVersion}). */
    static boolean openedOlderThanRecorded(MVStore store) {
        return store.getCurrentVersion() < recordedVersion(store);
    }

    /**
     * Refuses a file that opened at an older version than its header recorded: started on it,
     * Learning Log would answer as if the lost writes had never been made, and hand their
     * positions out again.
     */
    private static void refuseAnOlderVersion(MVStore store, Path file) {
        if (openedOlderThanRecorded(store)) {
            throw new StoreDamaged("The store file " + file + " cannot be opened at its newest version: it opens only at version "
                    + store.getCurrentVersion() + ", older than version " + recordedVersion(store) + " it recorded, so the writes in between are lost (the file was cut"
                    + " or overwritten, or the disk lost them). To go on, " + StoreDamaged.whatToDo(file.toAbsolutePath().getParent()) + ".");
        }
    }

    static MVStore open(Path file, MVStore.Builder builder) {
        try {
            return builder.open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreInUse("The store file " + file + " is in use by another process: is Learning Log already running"
                        + " on this data folder? Stop it, or start on another folder (--learninglog.store.data-dir=).", e);
            }
            throw new StoreDamaged("The store file " + file + " cannot be opened (H2: " + StoreFileCheck.plain(e) + "). To go on, "
                    + StoreDamaged.whatToDo(file.toAbsolutePath().getParent()) + ".", e);
        }
    }
}
