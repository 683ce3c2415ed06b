package org.learninglog.query.search;

import org.learninglog.query.view.Evidence;

import java.util.List;

/** What matched every term of a search, best first. */
public record SearchResults(String programmeId, String query, List<String> terms, List<Hit> hits) {

    public record Hit(String kind, String id, String placeId, String title, String text, String status, int score,
                      Evidence evidence) {
    }
}
