package org.learninglog.embedded;

import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup of the embedded store is a zip of its file and the checkpoint signing key. The file is
 * copied while the store is in use, as H2's own backup does it: with space reuse off no chunk is
 * overwritten, so the chunks of the version committed and synced at the start of the copy stay as
 * they are while later writes go to the end of the file. Unlike H2's backup, the file's header and
 * its length are taken under the write lock at that moment, so the copy ends exactly at that
 * version: never a half-written chunk, never a header that points past the copy.
 */
final class StoreBackup {

    /** MVStore keeps two copies of its header in the first two 4 KB blocks. */
    private static final int HEADER_BYTES = 2 * 4096;
    static final String KEY_ENTRY = "integrity-signing.key";

    private StoreBackup() {
    }

    static void write(MVStore store, Object writeLock, Path storeFile, Path keyFile, OutputStream target) throws IOException {
        boolean reused;
        long size;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        try (FileChannel source = FileChannel.open(storeFile, StandardOpenOption.READ)) {
            synchronized (writeLock) {
                store.commit();
                store.sync();
                reused = store.isSpaceReused();
                store.setReuseSpace(false);
                size = store.getFileStore().size();
                while (header.hasRemaining() && source.read(header, header.position()) > 0) {
                    // read the whole header while no commit can rewrite it
                }
            }
            try (ZipOutputStream zip = new ZipOutputStream(target)) {
                zip.putNextEntry(new ZipEntry(EmbeddedMongo.STORE_FILE));
                zip.write(header.array(), 0, header.position());
                WritableByteChannel out = Channels.newChannel(zip);
                for (long at = header.position(); at < size; ) {
                    long moved = source.transferTo(at, size - at, out);
                    if (moved <= 0) {
                        throw new IOException("The store file ended at " + at + " bytes, before the " + size + " it had when the copy began");
                    }
                    at += moved;
                }
                zip.closeEntry();
                if (keyFile != null && Files.exists(keyFile)) {
                    zip.putNextEntry(new ZipEntry(KEY_ENTRY));
                    Files.copy(keyFile, zip);
                    zip.closeEntry();
                }
            } finally {
                store.setReuseSpace(reused);
            }
        }
    }

    /** Unpacks a backup into an empty data folder: the store file and, if it was backed up, the signing key. */
    static void unpack(Path backup, Path dataDir) {
        if (Files.exists(dataDir.resolve(EmbeddedMongo.STORE_FILE))) {
            throw new IllegalArgumentException(dataDir + " already holds a store: restore into a new, empty folder");
        }
        boolean storeFound = false;
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            Files.createDirectories(dataDir);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                // only the two names a backup holds: nothing in the zip chooses where a file goes
                if (entry.getName().equals(EmbeddedMongo.STORE_FILE) || entry.getName().equals(KEY_ENTRY)) {
                    Files.copy(zip, dataDir.resolve(entry.getName()));
                    storeFound |= entry.getName().equals(EmbeddedMongo.STORE_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup " + backup + ": " + e.getMessage(), e);
        }
        if (!storeFound) {
            throw new StoreDamaged("The backup " + backup + " holds no " + EmbeddedMongo.STORE_FILE + ": is it a Learning Log backup?");
        }
    }
}
