package org.learninglog.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A processing group's dead-letter queue that keeps a batch delivered again from parking its events
 * twice, or out of their order.
 *
 * <p>Why: the queue is written as an event is handled, outside the batch's unit of work, while the
 * view's documents and the token are written when the batch ends. A batch delivered again (its
 * write failed, or the process died before its token was stored) hands the queue the same events
 * again, and Axon's invoker parks every event whose sequence is parked ({@code enqueueIfPresent}):
 * the event that failed and the later ones of its sequence would be parked a second time, and the
 * events of its sequence that came before it, applied the first time but not written, would be
 * parked behind it, out of order. Here, for an event whose sequence is parked:
 * <ul>
 *   <li>one whose message identifier the sequence holds is parked already, and stays where it is;</li>
 *   <li>one recorded before the sequence's first letter came before the failure: it is not parked but
 *   handled (the view skips what of it was written);</li>
 *   <li>any other waits behind the sequence, as Axon does.</li>
 * </ul>
 * An event that fails is parked unless its sequence holds it already.
 *
 * <p>The check reads the sequence's letters (a query the embedded store answers by scanning the
 * dead-letter collection, which holds only the parked letters) and is made only for an event that
 * failed or whose sequence is parked: the invoker's cache of parked sequences keeps every other
 * event from asking.
 */
public final class ParkedOnce implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;

    public ParkedOnce(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.queue = queue;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        if (!Parked.of(queue.deadLetterSequence(sequenceIdentifier)).holds(letter.message())) {
            queue.enqueue(sequenceIdentifier, letter);
        }
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier, Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder)
            throws DeadLetterQueueOverflowException {
        Parked parked = Parked.of(queue.deadLetterSequence(sequenceIdentifier));
        if (parked.identifiers.isEmpty()) {
            return false;
        }
        DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
        if (parked.holds(letter.message())) {
            return true;
        }
        Long position = position(letter.message());
        if (position != null && parked.firstPosition != null && position < parked.firstPosition) {
            return false;
        }
        queue.enqueue(sequenceIdentifier, letter);
        return true;
    }

    /** A sequence's letters as the checks need them: their message identifiers and the lowest position. */
    private record Parked(Set<String> identifiers, Long firstPosition) {

        static Parked of(Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
            Set<String> identifiers = new HashSet<>();
            Long first = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                Long position = position(letter.message());
                if (position != null && (first == null || position < first)) {
                    first = position;
                }
                identifiers.add(letter.message().getIdentifier());
            }
            return new Parked(identifiers, first);
        }

        boolean holds(EventMessage<?> message) {
            return identifiers.contains(message.getIdentifier());
        }
    }

    /** The event's global position, if it carries one. */
    private static Long position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) throws NoSuchDeadLetterException {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
