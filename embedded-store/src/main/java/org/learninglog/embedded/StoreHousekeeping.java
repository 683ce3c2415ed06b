package org.learninglog.embedded;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded store's file small and its old space safe to reuse, in place of the
 * MVStore's own background thread.
 *
 * <p>The store commits once per write ({@link DurableH2Backend}), so it makes a file chunk per
 * write. MVStore's defaults suit a commit a second: a chunk may be overwritten only 45 seconds
 * after it was <em>written</em>, so at a few thousand writes a second tens of thousands of chunks
 * stay on record, every commit rewrites that record's pages for the chunks whose pages it
 * replaced, and the file grows by about 30 KB per write. Measured, that bookkeeping was most of
 * an append's time. Here a chunk is kept for as long as something may still need it, and no
 * longer:
 * <ul>
 *   <li>a <b>reader</b> pins the version it reads ({@link #pinForRead()}), so the pages of a
 *       scan are not overwritten under it;</li>
 *   <li>a <b>crash</b> (power lost before the operating system wrote its cache) could leave the
 *       file as it was at the last {@code fsync}: so every {@code interval} the file is synced,
 *       and the version synced before stays pinned until the next sync, so no chunk that
 *       version needs is overwritten before a newer version is on the disk;</li>
 *   <li>each round also rewrites the live pages of mostly empty chunks into new ones (the work the
 *       MVStore's background thread did), so few chunks stay live.</li>
 * </ul>
 * A killed process loses nothing acknowledged either way: each write is committed to the file
 * before it is answered, and the operating system's cache outlives the process.
 */
final class StoreHousekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreHousekeeping.class);
    /** Rewrite chunks less than this full (per cent)... */
    private static final int TARGET_FILL_RATE = 80;
    /** ...up to this many bytes a round, so a round stays short. */
    private static final int REWRITE_LIMIT = 4 << 20;

    /** Chunks are rewritten every this many rounds; the file is synced every round. */
    private static final int ROUNDS_PER_REWRITE = 10;

    /**
     * Writes answered without a commit of their own are committed every this many rounds (a
     * second), as MongoDB commits its journal for them on an interval. A commit rewrites every
     * page changed since the last: a rebuild's bulks land on the same last pages of a collection
     * and of its indexes again and again, and committed every round (100 ms) they were rewritten
     * ten times as often (measured: a rebuild of the journey and the programme timeline from
     * 100,000 events took 10-15 % longer).
     */
    private static final int ROUNDS_PER_UNJOURNALED_COMMIT = 10;

    private final MVStore store;
    private final Object writeLock;
    private int round;
    private final ScheduledExecutorService rounds;
    private MVStore.TxCounter synced;
    /** Absent for a store in memory. */
    private final DiskReserve reserve;

    /**
     * @param writeLock held while chunks are rewritten, so that a rewrite never encodes a document
     *                  the server is changing in place
     */
    StoreHousekeeping(MVStore store, Object writeLock, Duration interval, DiskReserve reserve) {
        this.store = store;
        this.writeLock = writeLock;
        this.reserve = reserve;
        // Nothing is kept for time's sake: the pins below say what must be kept.
        store.setRetentionTime(0);
        this.synced = store.registerVersionUsage();
        this.rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pins the current version for a read; give the pin back with {@link #release}. */
    MVStore.TxCounter pinForRead() {
        return store.registerVersionUsage();
    }

    void release(MVStore.TxCounter pin) {
        store.deregisterVersionUsage(pin);
    }

    /** Runs in the housekeeping thread only. */
    private void round() {
        try {
            if (store.isClosed()) {
                return;
            }
            // A rewrite writes new chunks; below the reserve it could meet the full disk, and H2 would close the store.
            if (++round % ROUNDS_PER_REWRITE == 0 && (reserve == null || !reserve.isShort())) {
                synchronized (writeLock) {
                    store.compact(TARGET_FILL_RATE, REWRITE_LIMIT);
                }
            }
            if (round % ROUNDS_PER_UNJOURNALED_COMMIT == 0) {
                commitUnjournaled();
            }
            syncAndMovePin();
        } catch (RuntimeException e) {
            // A round that fails leaves the pins where they were: space is kept, not lost.
            log.warn("Embedded store housekeeping failed; will try again", e);
        }
    }

    /** Commits the writes answered without a commit of their own (see {@link DurableH2Backend}). */
    private void commitUnjournaled() {
        if (store.hasUnsavedChanges() && (reserve == null || !reserve.isShort())) {
            synchronized (writeLock) {
                if (store.hasUnsavedChanges()) {
                    store.commit();
                }
            }
        }
    }

    /** Pins the current version, syncs the file (everything before it is now on the disk), then lets the older pin go. */
    private void syncAndMovePin() {
        MVStore.TxCounter next = store.registerVersionUsage();
        try {
            store.sync();
        } catch (RuntimeException e) {
            store.deregisterVersionUsage(next);
            throw e;
        }
        MVStore.TxCounter previous = synced;
        synced = next;
        store.deregisterVersionUsage(previous);
    }

    @Override
    public void close() {
        // Not shutdownNow(): an interrupt during the file sync closes the store's file channel.
        rounds.shutdown();
        try {
            if (rounds.awaitTermination(10, TimeUnit.SECONDS)) {
                store.deregisterVersionUsage(synced); // the store closes next, with everything on the disk
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
