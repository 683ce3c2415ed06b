package org.learninglog.command.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The version of an aggregate over HTTP: its sequence number, sent as an {@code ETag} with every
 * create and update, and expected back as {@code If-Match} on every update.
 */
public final class Versions {

    private Versions() {
    }

    /** The version an update expects; the header is required, so that no update overwrites unseen changes. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequired();
        }
        return parse(ifMatch);
    }

    /** For appends that conflict with nothing: checked only when the client sends one. */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static long parse(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new InvalidVersion();
            }
            return version;
        } catch (NumberFormatException notANumber) {
            throw new InvalidVersion();
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A 200 answer carrying the new version as ETag. */
    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, etag(version)).body(body);
    }

    /** An update came without If-Match (428). */
    public static class VersionRequired extends RuntimeException {
        VersionRequired() {
            super("Send the version you saw as If-Match (the ETag of the record).");
        }
    }

    /** If-Match is not a version of ours (400). */
    public static class InvalidVersion extends RuntimeException {
        InvalidVersion() {
            super("If-Match must be a version as given in an ETag, e.g. \"3\".");
        }
    }
}
