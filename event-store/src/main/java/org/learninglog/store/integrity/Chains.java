package org.learninglog.store.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackedEventData;

/** Which chain an event belongs to: its programme's, read from the stored payload. */
final class Chains {

    /** Events that belong to no programme (none so far) share one chain. */
    static final String INSTALLATION = "~installation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Chains() {
    }

    static String of(TrackedEventData<?> event) {
        try {
            JsonNode programme = JSON.readTree(String.valueOf(event.getPayload().getData())).get("programmeId");
            return programme != null && programme.isTextual() ? programme.asText() : INSTALLATION;
        } catch (Exception e) {
            return INSTALLATION;
        }
    }
}
