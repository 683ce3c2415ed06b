package org.learninglog.launcher;

import org.learninglog.security.AccessPolicy;
import org.learninglog.store.MongoStore;
import org.learninglog.store.config.IntegrityProperties;
import org.learninglog.store.config.StoreProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The operator's online backup of the embedded store: a consistent copy taken while the system
 * runs and writes go on, into {@code <data-dir>/backups/} (a folder on the server, never one a
 * request names). {@code restore} turns it into a data folder again.
 */
@RestController
class StoreBackupController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final MongoStore store;
    private final AccessPolicy access;
    private final Path dataDir;
    private final Path keyFile;

    StoreBackupController(MongoStore store, AccessPolicy access, StoreProperties storeProperties, IntegrityProperties integrity) {
        this.store = store;
        this.access = access;
        this.dataDir = storeProperties.dataDir();
        this.keyFile = integrity.keyFile() != null ? integrity.keyFile() : dataDir.resolve("integrity-signing.key");
    }

    record BackupWritten(String file, long bytes, long millis) {
    }

    @PostMapping("/api/admin/backup")
    @ResponseStatus(HttpStatus.CREATED)
    BackupWritten backup() throws IOException {
        access.requireOperator("back up the store");
        if (store.embeddedFile() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "This system runs on a MongoDB, not the embedded store: back it up with mongodump (see the README)");
        }
        long started = System.nanoTime();
        Path folder = dataDir.resolve("backups");
        Files.createDirectories(folder);
        Path target = folder.resolve("learning-log-" + STAMP.format(Instant.now()) + ".zip");
        Path partial = folder.resolve(target.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            store.backupEmbedded(out, keyFile);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target); // a backup under its final name is always whole
        return new BackupWritten(target.toAbsolutePath().normalize().toString(), Files.size(target), (System.nanoTime() - started) / 1_000_000);
    }
}
