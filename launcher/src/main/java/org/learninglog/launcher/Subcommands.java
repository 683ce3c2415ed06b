package org.learninglog.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The launcher's commands besides running the system: {@code java -jar launcher.jar <command> ...}.
 * Each answers with the process's exit status. To add one, put it in {@link #COMMANDS}.
 */
final class Subcommands {

    interface Subcommand {
        /** @param args the arguments after the command's name */
        int run(String[] args) throws Exception;
    }

    private record NamedCommand(String usage, Subcommand command) {
    }

    private static final Map<String, NamedCommand> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("verify-integrity", new NamedCommand("verify-integrity <programmeId> [data-dir]", VerifyIntegrity::run));
        COMMANDS.put("backup", new NamedCommand("backup <target.zip> [data-dir]", StoreCommands::backup));
        COMMANDS.put("restore", new NamedCommand("restore <backup.zip> <new-data-dir>", StoreCommands::restore));
        COMMANDS.put("recover", new NamedCommand("recover <damaged-data-dir> <new-data-dir>", StoreCommands::recover));
        COMMANDS.put("serve-store", new NamedCommand("serve-store [--port P] [--data DIR]", ServeStore::run));
    }

    private Subcommands() {
    }

    /** The exit status if {@code args} name a command, else empty (the system is to run). */
    static OptionalInt run(String[] args) {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            return OptionalInt.empty();
        }
        NamedCommand named = COMMANDS.get(args[0]);
        quietLogs();
        try {
            return OptionalInt.of(named.command().run(Arrays.copyOfRange(args, 1, args.length)));
        } catch (UsageException e) {
            System.err.println("usage: java -jar launcher.jar " + named.usage());
            return OptionalInt.of(64);
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + org.learninglog.store.FailedStart.reason(e));
            return OptionalInt.of(1);
        }
    }

    /**
     * A command speaks for itself on stdout and stderr; without Spring the logs would print at
     * DEBUG, and the embedded server logs a stack trace for every read of a damaged page.
     */
    private static void quietLogs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel")).setLevel(ch.qos.logback.classic.Level.OFF);
            // The store's background upkeep retries what it cannot do; a command answers for itself.
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.learninglog.store.embedded.StoreHousekeeping"))
                    .setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    /** The arguments do not fit the command. */
    static final class UsageException extends RuntimeException {
    }

    static String argument(String[] args, int index) {
        if (index >= args.length) {
            throw new UsageException();
        }
        return args[index];
    }
}
