package org.learninglog.query.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learninglog.query.journey.RegisteredDocuments;
import org.learninglog.query.journey.RegisteredReads;
import org.learninglog.query.view.EvidenceOpener;
import org.learninglog.security.AccessPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * A registered person, read where the command side's registration points. Their name is personal
 * data: it is read as an insight's evidence is (every member of the programme may read it, opened
 * with the person's key), and once their data was erased it reads as removed.
 */
@RestController
@Tag(name = "person", description = "A person registered in a programme")
class PersonReadController {

    private final RegisteredReads reads;
    private final EvidenceOpener opener;
    private final AccessPolicy access;

    PersonReadController(RegisteredReads reads, EvidenceOpener opener, AccessPolicy access) {
        this.reads = reads;
        this.opener = opener;
        this.access = access;
    }

    @GetMapping("/api/programmes/{programmeId}/people/{personId}")
    @Operation(summary = "The person as registered; their name reads as removed once their personal data was erased")
    ResponseEntity<PersonReading> person(@PathVariable String programmeId, @PathVariable String personId) {
        RegisteredDocuments.Registration person = reads.registration(programmeId, personId);
        access.requireReadPlace(programmeId, person.placeId(), "read a person");
        boolean erased = person.erased();
        PersonReading reading = new PersonReading(personId, programmeId, person.placeId(), person.role(),
                opener.openName(personId, person.name()), person.mayBeQuoted(), person.recordedAt(), erased);
        // Registered is version 0; the erasure, if any, version 1.
        return ResponseEntity.ok().eTag(erased ? "1" : "0").body(reading);
    }

    /**
     * @param name   as registered, or the removal marker once the person's data was erased
     * @param erased whether the person withdrew consent and their personal data was erased
     */
    record PersonReading(String personId, String programmeId, String placeId, String role, String name,
                         boolean mayBeQuoted, Instant registeredAt, boolean erased) {

        /** Personal data stays out of logs. */
        @Override
        public String toString() {
            return "PersonReading[personId=" + personId + "]";
        }
    }
}
