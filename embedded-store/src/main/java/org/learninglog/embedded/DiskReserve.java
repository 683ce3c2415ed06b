package org.learninglog.embedded;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The free space the embedded store keeps in hand on its disk, and the refusal of writes below it.
 *
 * <p>Why refuse rather than let the disk fill: when a write of the MVStore fails for want of
 * space (ENOSPC), H2 "panics" and closes the whole store, readers included ("This store is
 * closed", "Map … is closed"), and nothing reopens it until the process restarts, even after
 * space is freed. Measured on an 8 MB tmpfs: the commit that met the full disk threw
 * {@code MVStoreException: Writing … failed … No space left on device}, every later read and
 * write failed, and a reopen after the restart found every commit before it. Reopening in place
 * would mean rebuilding the whole server (its databases hold the closed maps) and dropping every
 * connection. Instead, each write checks the free space first (one {@code statfs}: measured
 * 9–17 µs, against 0.4–1 ms for a commit here) and is refused below the reserve with MongoDB's
 * own {@code OutOfDiskSpace} error, before anything is changed, so the store never meets the
 * full disk, reads go on, and writes resume by themselves when space returns.
 *
 * <p>The reserve covers the largest thing written between two checks: one commit, or a round of
 * {@link StoreHousekeeping}'s chunk rewriting (at most 4 MB). 32 MB by default,
 * {@code -Dlearninglog.embedded.disk-reserve-mb} to change it. Something else filling the disk
 * between a check and the commit right after it can still make H2 close the store; the store
 * then answers {@code ShutdownInProgress} and readiness says so until a restart.
 */
final class DiskReserve {

    static final long DEFAULT_MEGABYTES = 32;

    private final FileStore disk;
    private final Path folder;
    private final long reserveBytes;

    DiskReserve(Path folder, long reserveBytes) {
        this.folder = folder;
        this.reserveBytes = reserveBytes;
        try {
            this.disk = Files.getFileStore(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the free space of " + folder, e);
        }
    }

    static DiskReserve forFolder(Path folder) {
        return new DiskReserve(folder, Long.getLong("learninglog.embedded.disk-reserve-mb", DEFAULT_MEGABYTES) << 20);
    }

    /** The bytes a user may still write there; 0 when it cannot be read (treated as full: refusing is the safe side). */
    long usable() {
        try {
            return disk.getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    boolean isShort() {
        return usable() < reserveBytes;
    }

    /** Throws MongoDB's {@code OutOfDiskSpace}, which the driver passes to the client as such, when below the reserve. */
    void ensureRoomForAWrite() {
        long usable = usable();
        if (usable < reserveBytes) {
            throw ServerErrors.outOfDiskSpace("The disk of the embedded store at " + folder + " has " + (usable >> 20) + " MB free, under the "
                            + (reserveBytes >> 20) + " MB it keeps in reserve: writes are refused until space is freed");
        }
    }

    String describe() {
        return (usable() >> 20) + " MB free at " + folder + ", " + (reserveBytes >> 20) + " MB kept in reserve";
    }
}
