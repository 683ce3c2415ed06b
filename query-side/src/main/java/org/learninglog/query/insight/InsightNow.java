package org.learninglog.query.insight;

import org.learninglog.query.journey.VersionHistories;

/** An insight as it reads now, with the programme it belongs to and its version. */
public record InsightNow(String programmeId, VersionHistories.InsightReading reading) {

    /**
     * The version a revision or retraction names as {@code If-Match}: the write side numbers an
     * insight's events from 0, and each of them (recorded, revised, retracted) is one version in the view.
     */
    public long version() {
        return reading.versions() - 1L;
    }
}
