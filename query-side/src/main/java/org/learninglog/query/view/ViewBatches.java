package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.learninglog.store.EncodedDocuments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes a processor batch one unit of work for the views: opens a {@link ViewBatch} per view in the
 * batch's unit of work, and writes them once the batch's last event has been handled.
 *
 * <p>Why then, and not when the unit of work commits: the tracking processor stores its token in the
 * commit's first phase, from a callback it registers before any handler runs, so a write in that
 * phase would follow the token; a process killed between the two would have moved its token past
 * events whose documents were never written. Written with the last event, the documents precede the
 * token. A write that fails throws out of the batch: Axon rolls its unit of work back (the token
 * stays) and delivers the batch again. Before the write, the {@link ClaimFence} checks that the
 * batch's segment is still this process's (another may have taken it over while this one stalled).
 */
public final class ViewBatches implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = ViewBatches.class.getName();

    private final ClaimFence fence;
    /** Reads without the wire on the embedded store of this process; {@code null}: through the driver. */
    private final EncodedDocuments direct;

    /** @param fence checks the segment's claim before each write; {@code null}: no check (tests without a token store) */
    public ViewBatches(ClaimFence fence) {
        this(fence, null);
    }

    /** @param direct the batches read their documents without the wire (the embedded store of this process); {@code null}: through the driver */
    public ViewBatches(ClaimFence fence, EncodedDocuments direct) {
        this.fence = fence;
        this.direct = direct;
    }

    public ViewBatches() {
        this(null);
    }

    /**
     * The batch of {@code projection} in the current unit of work; {@code null} outside a processor
     * batch. A new batch reads ahead what the events of the unit of work will ask for
     * ({@link ViewBatch#readAhead}), each made ready for the projection by {@code recorded}.
     */
    static ViewBatch current(Projection projection, MongoCollection<Document> collection,
                             Function<EventMessage<?>, ViewEvent> recorded) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Open open = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        if (open == null) {
            return null;
        }
        ViewBatch batch = open.batches.get(projection.name());
        if (batch == null || !batch.collection().getNamespace().equals(collection.getNamespace())) {
            if (batch != null) {
                batch.write(); // the view was switched to another generation mid-batch: keep each write in its own
            }
            batch = new ViewBatch(projection, collection, open.direct);
            open.batches.put(projection.name(), batch);
            if (CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batching && batching.getMessages().size() > 1) {
                List<ViewEvent> events = new ArrayList<>();
                for (Object message : batching.getMessages()) {
                    ViewEvent event = recorded.apply((EventMessage<?>) message);
                    if (event != null) {
                        events.add(event);
                    }
                }
                batch.readAhead(events);
            }
        }
        return batch;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        Open open = unitOfWork.root().getOrComputeResource(RESOURCE, key -> new Open(direct));
        Object result = interceptorChain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            if (fence != null && !open.batches.isEmpty()) {
                fence.check(unitOfWork);
            }
            for (ViewBatch view : open.batches.values()) {
                view.write();
            }
        }
        return result;
    }

    /** The views' batches of one unit of work. */
    private static final class Open {
        private final Map<String, ViewBatch> batches = new LinkedHashMap<>();
        private final EncodedDocuments direct;

        private Open(EncodedDocuments direct) {
            this.direct = direct;
        }
    }
}
