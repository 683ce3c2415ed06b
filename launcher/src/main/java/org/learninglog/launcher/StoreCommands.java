package org.learninglog.launcher;

import org.learninglog.embedded.StoreInUse;
import org.learninglog.store.EmbeddedServer;
import org.learninglog.embedded.RecoveryReport;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.learninglog.launcher.Subcommands.argument;

/** {@code backup}, {@code restore} and {@code recover}: the embedded store's file, handled while the system is stopped. */
final class StoreCommands {

    private StoreCommands() {
    }

    /** A backup of a stopped store; a running one is backed up through {@code POST /api/admin/backup}. */
    static int backup(String[] args) throws Exception {
        Path target = Path.of(argument(args, 0));
        Path dataDir = Path.of(args.length > 1 ? args[1] : "data");
        if (Files.exists(target)) {
            System.err.println(target + " already exists: name a new file");
            return 1;
        }
        try (EmbeddedServer store = EmbeddedServer.start(dataDir, 0); OutputStream out = Files.newOutputStream(target)) {
            store.backup(out, dataDir.resolve("integrity-signing.key"));
        } catch (StoreInUse e) {
            Files.deleteIfExists(target);
            System.err.println("The store in " + dataDir + " is in use: Learning Log is running on it. Back it up through the running"
                    + " system instead: curl -u operator -X POST http://localhost:8080/api/admin/backup");
            return 1;
        }
        System.out.println("backup written to " + target + " (" + Files.size(target) + " bytes)");
        return 0;
    }

    static int restore(String[] args) {
        Path backup = Path.of(argument(args, 0));
        Path dataDir = Path.of(argument(args, 1));
        EmbeddedServer.restore(backup, dataDir);
        System.out.println("restored into " + dataDir + ": start with --learninglog.store.data-dir=" + dataDir
                + " (the views are rebuilt from the events if they are behind)");
        return 0;
    }

    /** Exits 0 when everything was read, 2 when the new store lacks something that could not be read. */
    static int recover(String[] args) throws Exception {
        Path damaged = Path.of(argument(args, 0));
        Path dataDir = Path.of(argument(args, 1));
        RecoveryReport report = EmbeddedServer.recover(damaged, dataDir);
        report.notes().forEach(note -> System.out.println("  " + note));
        if (report.complete()) {
            System.out.println("recovered everything into " + dataDir + " (" + report.commits() + " event commits); views are rebuilt on its first start");
            return 0;
        }
        System.out.println("recovered into " + dataDir + " (" + report.commits() + " event commits); views are rebuilt on its first start. NOT recovered:");
        report.lost().forEach(line -> System.out.println("  " + line));
        return 2;
    }
}
