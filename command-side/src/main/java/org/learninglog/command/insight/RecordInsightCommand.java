package org.learninglog.command.insight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;

import java.time.LocalDate;
import java.util.List;

/**
 * Record something noticed in a place.
 *
 * @param unintended whether it is an unintended result of the work
 * @param sphere     the sphere of influence; {@code null} if none applies
 * @param source     one of the framework's sources; {@code null} if not said
 * @param evidence   a quote and who said it; {@code null} if none
 * @param happenedOn the day it happened; {@code null} when the recorder does not say
 * @param recordedBy the member identifier of who records it
 */
public record RecordInsightCommand(@TargetAggregateIdentifier String insightId, String placeId, String text,
                                   boolean unintended, Layer layer, Sphere sphere, List<String> principles,
                                   List<String> themes, String source, Evidence evidence, LocalDate happenedOn,
                                   String recordedBy) {

    /**
     * A quote as evidence.
     *
     * @param personId who said it: a registered person of the programme who agreed to be quoted
     * @param quote    their words (personal data)
     * @param consent  whether the person consented to this quote being recorded
     */
    public record Evidence(String personId, String quote, boolean consent) {

        /** Personal data stays out of logs, even as a command. */
        @Override
        public String toString() {
            return "Evidence[personId=" + personId + ", (quote withheld)]";
        }
    }
}
