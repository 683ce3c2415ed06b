package org.learninglog.store.integrity;

/**
 * What a walk of one programme's chain found.
 *
 * @param programme   the chain walked
 * @param intact      whether every link held
 * @param count       how many events were verified before the end or the first broken link
 * @param headHash    the hash of the last verified event
 * @param unsealed    events of the programme recorded too recently to be sealed yet (not verified)
 * @param checkpoints signed checkpoints that matched
 * @param broken      the first broken link, if any
 */
public record IntegrityReport(String programme, boolean intact, long count, String headHash, long unsealed,
                              int checkpoints, BrokenLink broken) {

    /**
     * @param position the global position where the chain breaks
     * @param eventId  the event there, if there is one
     * @param reason   what is wrong, in words
     */
    public record BrokenLink(long position, String eventId, String reason) {
    }
}
