package org.learninglog.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Bean;
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

    /** A real MongoDB wire server in memory, reached by the real driver over a socket, as the store's database is. */
    @Bean(destroyMethod = "shutdownNow")
    MongoServer mongoServer() {
        MongoServer server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer server) {
        return MongoClients.create("mongodb://" + server.getLocalAddress().getHostString() + ":"
                + server.getLocalAddress().getPort());
    }

    @Bean
    MongoDatabase database(MongoClient client) {
        return client.getDatabase("probe");
    }

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
