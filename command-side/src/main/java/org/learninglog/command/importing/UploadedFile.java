package org.learninglog.command.importing;

import java.time.Instant;

/**
 * A file uploaded for import into a place, kept until it is imported or forgotten.
 *
 * @param importId    the upload's id: derived from the place and the file's SHA-256, so the same
 *                    file uploaded again for the same place is the same import
 * @param placeId     the place its rows are recorded for
 * @param programmeId that place's programme
 * @param fileName    the name the file was uploaded under
 * @param table       what it holds
 * @param uploadedAt  when it was uploaded
 */
record UploadedFile(String importId, String placeId, String programmeId, String fileName, Table table,
                    Instant uploadedAt) {
}
