package org.learninglog.events.programme;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A programme allows its story to begin before the programme did: from {@code from} on, members may
 * record what happened before the programme was registered (a place joining with years of learning
 * kept elsewhere, a demo's year of history). Without it, the earliest story day is the day the
 * programme was registered (UTC). A later one replaces the earlier: the latest says the rule now;
 * records already made stay as they are.
 *
 * @param programmeId the programme
 * @param from        the earliest day a happening may be dated
 * @param allowedBy   the administrator's member identifier
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record StoryBackfillAllowed(String programmeId, LocalDate from, String allowedBy, Instant recordedAt) {
}
