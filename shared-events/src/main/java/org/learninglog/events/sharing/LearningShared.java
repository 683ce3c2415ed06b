package org.learninglog.events.sharing;

import org.axonframework.serialization.Revision;
import org.learninglog.events.story.StoryDated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A place, a learning partner or a funder passed a learning to an audience, built on insights and
 * adaptations of practice.
 *
 * <p>Revision 2 adds {@code happenedOn}, the story's day. Revision 1 events read with the day of their
 * {@code recordedAt} (in UTC): they said no other.
 *
 * @param sharedLearningId the shared learning's identifier
 * @param programmeId      the programme
 * @param placeId          the place that shares it; {@code null} when shared from across the programme
 *                         (by a learning partner or a funder)
 * @param title            a short title
 * @param summary          the learning, in the sharer's words
 * @param audience         who it is meant for
 * @param insightIds       the insights it is built on
 * @param adaptations      the adaptations of practice it is built on; empty if none
 * @param happenedOn       the day it happened in the story; the day of recording when not said
 * @param recordedAt       when it was recorded
 * @param recordedBy       who shared it: a member identifier
 */
@Revision("2")
public record LearningShared(String sharedLearningId, String programmeId, String placeId, String title,
                             String summary, Audience audience, List<String> insightIds,
                             List<AdaptationRef> adaptations, LocalDate happenedOn, Instant recordedAt,
                             String recordedBy)
        implements StoryDated {

    public LearningShared {
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
        adaptations = adaptations == null ? List.of() : List.copyOf(adaptations);
    }

    /**
     * Who a learning is meant for.
     *
     * @param wholeProgramme whether it is for everybody in the programme
     * @param placeIds       places it is addressed to; empty if none in particular
     * @param funderIds      funders it is addressed to; empty if none in particular
     */
    public record Audience(boolean wholeProgramme, List<String> placeIds, List<String> funderIds) {

        public Audience {
            placeIds = placeIds == null ? List.of() : List.copyOf(placeIds);
            funderIds = funderIds == null ? List.of() : List.copyOf(funderIds);
        }
    }

    /** One adaptation of a practice: the practice and the adaptation's identifier. */
    public record AdaptationRef(String practiceId, String adaptationId) {
    }
}
