package org.learninglog.store.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code InsightRecorded} revision 1 to revision 2. Revision 1 held one flat {@code tags} list and
 * did not say which kind of tag each was; revision 2 has layer, sphere, principles, themes and
 * source apart, plus optional evidence. The old tags become {@code principles} word for word;
 * nothing is guessed into the other fields, which stay absent (read as {@code null} or empty), and
 * no evidence appears. Works on the JSON tree only: it depends on no event class.
 */
public class InsightRecordedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType("org.learninglog.events.insight.InsightRecorded", "1");
    static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(new SimpleSerializedType(REVISION_1.getName(), REVISION_2), JsonNode.class,
                InsightRecordedUpcaster::toRevision2, metaData -> metaData);
    }

    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        JsonNode tags = event.remove("tags");
        if (tags != null && !tags.isNull()) {
            // Kept as serialized (with its type wrapper, if any), so it reads as the list it was.
            event.set("principles", tags);
        }
        event.put("unintended", false);
        return event;
    }
}
