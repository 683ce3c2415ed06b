package org.learninglog.query.search;

import org.learninglog.query.view.Evidence;

import java.util.List;

/**
 * One page of what matched every term of a search, the most recently recorded or revised first.
 *
 * @param page       the page asked for, from 0
 * @param size       hits per page
 * @param total      how many hits match: exactly when {@code totalExact}, otherwise at least this many
 *                   (a query of several terms stops reading once it has the page and one more hit)
 * @param totalExact whether {@code total} is the exact number of matches
 */
public record SearchResults(String programmeId, String query, List<String> terms, List<Hit> hits, int page, int size,
                            long total, boolean totalExact) {

    public record Hit(String kind, String id, String placeId, String title, String text, String status, int score,
                      Evidence evidence) {
    }
}
