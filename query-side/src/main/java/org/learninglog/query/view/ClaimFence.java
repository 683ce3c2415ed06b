package org.learninglog.query.view;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Checks, just before a batch's documents are written, that the batch's segment is still this
 * process's, and refuses the write if it is not.
 *
 * <p>Why: a process that stalls in a batch for longer than the claim timeout (a long GC pause, a
 * starved machine) has its segment taken over by another process, which goes on from the token and
 * moves the documents on. Written when the stalled one wakes, its batch would put back older states
 * of those documents (its token write fails, but too late). So before the bulk the fence extends
 * the segment's claim in the token store: an update of the token's document on its unique key
 * (processor name, segment) that matches only while this process owns the claim. If another owns it
 * now, the store throws {@link UnableToClaimTokenException}: the batch's unit of work rolls back,
 * nothing is written, and the tracking processor lets go of the segment. Extending the claim also
 * keeps it this process's for another claim timeout, which covers the write that follows unless the
 * process stalls again between the two (a window of one round trip, not of a batch).
 */
public final class ClaimFence {

    private final TokenStore tokens;
    private final String processorName;
    private final String segmentResource;

    public ClaimFence(TokenStore tokens, String processorName) {
        this.tokens = tokens;
        this.processorName = processorName;
        // where Axon's tracking processor keeps the batch's segment in its unit of work
        this.segmentResource = "Processor[" + processorName + "]/SegmentId";
    }

    /** Throws {@link UnableToClaimTokenException} if the unit of work's segment is claimed by another process now. */
    public void check(UnitOfWork<?> unitOfWork) {
        Integer segment = unitOfWork.root().getResource(segmentResource);
        if (segment != null) {
            tokens.extendClaim(processorName, segment);
        }
    }
}
