package org.learninglog.security;

import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** A small application behind the real security configuration, for tests over real HTTP. */
@SpringBootApplication
class ProbeApplication {

    @RestController
    static class Probe {
        private final AccessPolicy access;

        Probe(AccessPolicy access) {
            this.access = access;
        }

        @GetMapping("/api/programmes/{programmeId}/probe")
        Map<String, String> read(@PathVariable String programmeId) {
            access.requireRead(programmeId, "read the probe");
            return Map.of("member", CurrentMember.get().id());
        }

        @PostMapping("/api/programmes/{programmeId}/places/{placeId}/probe")
        Map<String, Object> write(@PathVariable String programmeId, @PathVariable String placeId,
                                  @Valid @RequestBody Note note) {
            access.requireWritePlace(programmeId, placeId, "write the probe");
            return Map.of("member", CurrentMember.get().id(), "length", note.text().length());
        }
    }

    record Note(String text, List<Note> replies) {
    }
}
