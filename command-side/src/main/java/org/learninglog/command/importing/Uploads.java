package org.learninglog.command.importing;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The uploads waiting to be imported and the imports run, in this process's memory: an upload is
 * a step of a person's work in the import page, not a record. Bounded in number and age; an
 * upload forgotten is uploaded again (the same file gets the same id, so nothing is recorded twice).
 */
@Component
class Uploads {

    private final Map<String, UploadedFile> files = new ConcurrentHashMap<>();
    private final Map<String, ImportRun> runs = new ConcurrentHashMap<>();
    private final ImportProperties properties;
    private final Clock clock;

    Uploads(ImportProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    void keep(UploadedFile file) {
        forgetOld();
        files.put(file.importId(), file);
        while (files.size() > properties.maxKept()) {
            files.values().stream().min(Comparator.comparing(UploadedFile::uploadedAt))
                    .ifPresent(oldest -> forget(oldest.importId()));
        }
    }

    Optional<UploadedFile> file(String importId) {
        return Optional.ofNullable(files.get(importId));
    }

    Optional<ImportRun> run(String importId) {
        return Optional.ofNullable(runs.get(importId));
    }

    /** Starts a run unless one of this upload is running; answers the running one. */
    synchronized ImportRun startUnlessRunning(String importId, java.util.function.Supplier<ImportRun> start) {
        ImportRun current = runs.get(importId);
        if (current != null && current.running()) {
            return current;
        }
        ImportRun started = start.get();
        runs.put(importId, started);
        return started;
    }

    private void forgetOld() {
        Instant oldest = clock.instant().minus(properties.keptFor());
        files.values().removeIf(file -> file.uploadedAt().isBefore(oldest) && !run(file.importId()).map(ImportRun::running).orElse(false));
        runs.keySet().removeIf(id -> !files.containsKey(id) && !runs.get(id).running());
    }

    private void forget(String importId) {
        files.remove(importId);
        runs.computeIfPresent(importId, (id, run) -> run.running() ? run : null);
    }
}
