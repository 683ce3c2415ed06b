package org.learninglog.query.processing;

import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How each view processor's events are split so that several query-side processes share them: a
 * processor has {@code learninglog.views.segments} segments (default 4), each a token claimed in
 * MongoDB by one process at a time and worked by a thread of its own. Events go to a segment by
 * their programme ({@link org.learninglog.query.view.ProgrammeSequencingPolicy}), so one
 * programme's events are applied in order by one thread, whichever process holds the segment.
 */
@Component
public class ViewSegments {

    /**
     * Events per batch: a batch is one read of each document it touches, one bulk write and one token
     * update, so the larger the fewer round trips; a batch redelivered after a failure costs at most this.
     */
    static final int BATCH_SIZE = 200;

    private final int count;
    private final Duration claimInterval;

    public ViewSegments(@Value("${learninglog.views.segments:4}") int count,
                        @Value("${learninglog.views.claim-interval:1s}") Duration claimInterval) {
        if (count < 1) {
            throw new IllegalArgumentException("learninglog.views.segments must be at least 1, not " + count);
        }
        this.count = count;
        this.claimInterval = claimInterval;
    }

    public int count() {
        return count;
    }

    /** How often a process that holds fewer segments than threads tries to claim a free one. */
    public Duration claimInterval() {
        return claimInterval;
    }

    /**
     * A thread per segment, so that one process can hold them all; a process tries to claim free
     * segments every {@link #claimInterval()}, which with the token claim timeout bounds how long a
     * dead process's segments stand still.
     */
    public TrackingEventProcessorConfiguration processorConfiguration() {
        return TrackingEventProcessorConfiguration.forParallelProcessing(count)
                .andInitialSegmentsCount(count)
                .andBatchSize(BATCH_SIZE)
                .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
