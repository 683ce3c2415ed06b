package org.learninglog.embedded;

/**
 * The store's file (or a collection in it) cannot be read. The message is for the person running
 * Learning Log: which file, where the damage starts, and what to do; it is printed as is.
 */
public class StoreDamaged extends RuntimeException {

    public StoreDamaged(String message) {
        super(message);
    }

    public StoreDamaged(String message, Throwable cause) {
        super(message, cause);
    }

    /** What to do about a damaged store file, the same words everywhere they are needed. */
    public static String whatToDo(java.nio.file.Path dataDir) {
        return "restore a backup (java -jar launcher.jar restore <backup.zip> <new-data-dir>) or copy what can still be read"
                + " into a new store (java -jar launcher.jar recover " + dataDir + " <new-data-dir>)";
    }
}
