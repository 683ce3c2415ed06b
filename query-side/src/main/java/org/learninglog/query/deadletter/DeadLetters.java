package org.learninglog.query.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.learninglog.query.NotFoundException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and retries the dead-letter queues of the query side's processing groups. */
@Component
public class DeadLetters {

    /** How many sequences one retry request works through at most. */
    private static final int MAX_SEQUENCES_PER_RETRY = 100;

    private final EventProcessingConfiguration processing;
    private final DeadLetterGroups groups;

    public DeadLetters(EventProcessingConfiguration processing, DeadLetterGroups groups) {
        this.processing = processing;
        this.groups = groups;
    }

    public record Letter(String eventId, String payloadType, Long position, Instant enqueuedAt, Instant lastTouched,
                         String cause, String causeType) {
    }

    public record Sequence(List<Letter> letters) {
    }

    public record GroupLetters(String processingGroup, long size, List<Sequence> sequences) {
    }

    public record RetryOutcome(String processingGroup, int sequencesRetried, int sequencesCleared, long remaining) {
    }

    public List<GroupLetters> all() {
        return groups.names().stream().map(this::of).toList();
    }

    public GroupLetters of(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<Letter> letters = new ArrayList<>();
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(letter(letter));
            }
            sequences.add(new Sequence(letters));
        }
        return new GroupLetters(group, queue.size(), sequences);
    }

    /**
     * Retries sequence after sequence: a sequence whose letters all succeed is cleared; one that
     * fails again keeps its letters (with the new cause) and the rest of that sequence waits.
     */
    public RetryOutcome retry(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("processingGroup", "No dead-letter processor for '" + group + "'"));
        long sequences = queue.amountOfSequences();
        int retried = 0;
        int cleared = 0;
        while (retried < Math.min(sequences, MAX_SEQUENCES_PER_RETRY)) {
            retried++;
            if (processor.processAny()) {
                cleared++;
            }
        }
        return new RetryOutcome(group, retried, cleared, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!groups.names().contains(group)) {
            throw new NotFoundException("processingGroup", "No processing group is called '" + group + "'; there are " + groups.names());
        }
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new NotFoundException("processingGroup", "The group '" + group + "' has no dead-letter queue"));
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : null;
        return new Letter(message.getIdentifier(), message.getPayloadType().getName(), position, letter.enqueuedAt(),
                letter.lastTouched(), letter.cause().map(cause -> cause.message()).orElse(null),
                letter.cause().map(cause -> cause.type()).orElse(null));
    }
}
