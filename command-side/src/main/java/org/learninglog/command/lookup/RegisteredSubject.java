package org.learninglog.command.lookup;

import java.util.List;

/**
 * What the command side knows of something registered, for checks across aggregates.
 *
 * @param id          its identifier
 * @param programmeId its programme
 * @param placeId     its place: the place itself for a place; {@code null} when it belongs to no place
 * @param closed      retracted (an insight) or retired (a practice); {@code false} otherwise
 * @param mayBeQuoted for a person: whether their words may be quoted as evidence
 * @param adaptations for a practice: the identifiers of its adaptations
 */
public record RegisteredSubject(String id, String programmeId, String placeId, boolean closed, boolean mayBeQuoted,
                    List<String> adaptations) {

    public RegisteredSubject {
        adaptations = adaptations == null ? List.of() : List.copyOf(adaptations);
    }
}
