package org.learninglog.command.importing;

import jakarta.validation.Valid;
import org.learninglog.command.UnknownReference;
import org.learninglog.command.access.WriteAccess;
import org.learninglog.command.lookup.Lookup;
import org.learninglog.command.lookup.RegisteredSubject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Importing a place's past learning from a CSV or XLSX file: upload it, map its columns to an
 * insight's fields, see a dry run, import, and follow the import's progress. Only the
 * programme's administrators (and the operators) may, as for everything done for many records
 * at once.
 */
@RestController
class ImportController {

    private static final int SAMPLE_ROWS = 5;

    private final Lookup lookup;
    private final WriteAccess access;
    private final Uploads uploads;
    private final Importer importer;
    private final ImportProperties properties;
    private final Clock clock;

    ImportController(Lookup lookup, WriteAccess access, Uploads uploads, Importer importer, ImportProperties properties,
                     Clock clock) {
        this.lookup = lookup;
        this.access = access;
        this.uploads = uploads;
        this.importer = importer;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/api/places/{placeId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Upload> upload(@PathVariable String placeId, @RequestPart("file") MultipartFile file) throws IOException {
        RegisteredSubject place = lookup.find(Lookup.Kind.PLACE, placeId)
                .orElseThrow(() -> new UnknownReference("place", "placeId"));
        access.administer(place.programmeId(), "import into a place");
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", "The file is larger than the "
                    + properties.maxFileSize().toMegabytes() + " MB an import accepts; split it.", null);
        }
        byte[] bytes = file.getBytes();
        Table table = UploadReader.read(bytes, file.getOriginalFilename(), properties.limits());
        UploadedFile uploaded = new UploadedFile(importId(placeId, bytes), placeId, place.programmeId(),
                file.getOriginalFilename(), table, clock.instant());
        uploads.keep(uploaded);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/imports/{importId}")
                .buildAndExpand(uploaded.importId()).toUri();
        return ResponseEntity.created(location).body(Upload.of(uploaded, null));
    }

    @GetMapping("/api/imports/{importId}")
    Upload read(@PathVariable String importId) {
        UploadedFile file = file(importId);
        return Upload.of(file, uploads.run(importId).map(ImportRun::progress).orElse(null));
    }

    @PostMapping("/api/imports/{importId}/dry-run")
    DryRun dryRun(@PathVariable String importId, @Valid @RequestBody ColumnMapping mapping) {
        UploadedFile file = file(importId);
        return importer.dryRun(file, mapping, access.actor());
    }

    /** Starts the import (202); its progress is read at the import's address. Started again while it runs, it answers that run. */
    @PostMapping("/api/imports/{importId}/run")
    ResponseEntity<ImportProgress> run(@PathVariable String importId, @Valid @RequestBody ColumnMapping mapping) {
        UploadedFile file = file(importId);
        new InsightRows(file, mapping, access.actor()); // a mapping naming no column is refused before anything starts
        String actor = access.actor();
        ImportRun run = uploads.startUnlessRunning(importId, () -> importer.start(file, mapping, actor));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/imports/{importId}")
                .buildAndExpand(importId).toUri();
        return ResponseEntity.accepted().location(location).body(run.progress());
    }

    private UploadedFile file(String importId) {
        UploadedFile file = uploads.file(importId).orElseThrow(UnknownImport::new);
        access.administer(file.programmeId(), "import into a place");
        return file;
    }

    /** The place and the file's SHA-256: the same file for the same place is the same import. */
    private static String importId(String placeId, byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(placeId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(bytes)).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An upload and where its import stands.
     *
     * @param importId         the upload's id (the same file for the same place has the same)
     * @param columns          the file's column names (its first row)
     * @param rows             rows of data
     * @param sample           the first rows, as text
     * @param suggestedMapping columns whose names are a field's name
     * @param progress         the latest import of it, if one was started
     */
    record Upload(String importId, String placeId, String fileName, List<String> columns, int rows,
                  List<List<String>> sample, ColumnMapping suggestedMapping, ImportProgress progress) {

        static Upload of(UploadedFile file, ImportProgress progress) {
            Table table = file.table();
            return new Upload(file.importId(), file.placeId(), file.fileName(), table.columns(), table.rows().size(),
                    table.rows().stream().limit(SAMPLE_ROWS).map(ImportRow::cells).toList(),
                    ColumnMapping.suggested(table.columns()), progress);
        }
    }

    /** No upload of that id is kept (never made, or forgotten: upload the file again). */
    static final class UnknownImport extends RuntimeException {
        UnknownImport() {
            super("No upload is kept under this id; upload the file again.");
        }
    }
}
