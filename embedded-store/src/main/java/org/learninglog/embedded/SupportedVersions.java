package org.learninglog.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.engine.Constants;

import java.security.CodeSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of mongo-java-server and H2 this module was written for. It reaches into their
 * internals: private fields and classes by reflection ({@link KeyOrderedH2Database}), type tags
 * H2's {@code ObjectDataType} leaves free ({@link CompactValues}), the MVStore's file header
 * ({@link StoreBackup}), and protected methods of the server's H2 classes it overrides. Another
 * version can change any of these without a compile error, and the store would then misbehave
 * quietly or damage its file, so it refuses to start on another version instead. After an
 * upgrade, check those places against the new versions, then change these.
 */
final class SupportedVersions {

    static final String MONGO_JAVA_SERVER = "1.47.0";
    static final String H2 = "2.4.240";

    private SupportedVersions() {
    }

    /** Throws {@link UnsupportedVersions} unless the versions on the class path are the supported ones. */
    static void ensureInUse() {
        ensure(mongoJavaServerInUse(), h2InUse());
    }

    static void ensure(String mongoJavaServer, String h2) {
        if (!MONGO_JAVA_SERVER.equals(mongoJavaServer) || !H2.equals(h2)) {
            throw new UnsupportedVersions("The embedded store supports mongo-java-server " + MONGO_JAVA_SERVER + " with H2 " + H2
                    + " only (it changes their internals), but found mongo-java-server " + mongoJavaServer + " with H2 " + h2
                    + ": use the supported versions, or check the embedded store's changes against these and update SupportedVersions.");
        }
    }

    /** Not a compile-time constant: read from the H2 jar in use. */
    static String h2InUse() {
        return Constants.VERSION;
    }

    /** mongo-java-server's jars carry no version in their manifest: it is read from their file names. */
    static String mongoJavaServerInUse() {
        String core = jarVersion(MongoServer.class, "mongo-java-server-core");
        String h2Backend = jarVersion(H2Backend.class, "mongo-java-server-h2-backend");
        return core.equals(h2Backend) ? core : core + " (core) and " + h2Backend + " (h2-backend)";
    }

    private static String jarVersion(Class<?> type, String artifact) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "an unknown place" : source.getLocation().toString();
        Matcher version = Pattern.compile(Pattern.quote(artifact) + "-(\\d[^/!]*?)\\.jar").matcher(location);
        return version.find() ? version.group(1) : "unknown (" + artifact + " loaded from " + location + ")";
    }

    /** The versions found are not the ones the embedded store was written for. */
    static final class UnsupportedVersions extends IllegalStateException {

        UnsupportedVersions(String message) {
            super(message);
        }
    }
}
