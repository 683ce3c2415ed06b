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
     * @param reason     what is wrong, in words
     * @param unreadable the store is damaged there (the event or its seal cannot be read), rather than
     *                   holding something that fails its check
     */
    public record BrokenLink(long position, String eventId, String reason, boolean unreadable) {

        public BrokenLink(long position, String eventId, String reason) {
            this(position, eventId, reason, false);
        }
    }
}
