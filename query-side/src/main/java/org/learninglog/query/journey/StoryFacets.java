package org.learninglog.query.journey;

import org.bson.Document;
import org.bson.types.Binary;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.TimelineLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How many lines of a timeline's page carry each principle, theme and layer, so that a journey by
 * one of them ({@link StoryOrder}) can count a page without reading it and read only the pages that
 * hold the page asked for.
 *
 * <p>The head of the timeline lists the facets met so far ({@value #FACETS}: {@code "p:<principle>"},
 * {@code "t:<theme>"}, {@code "l:<layer>"}, folded to one case as the filter compares them, in the
 * order first met: the list only grows, so a position in it never changes meaning); each page's range
 * carries a count per position, a byte each (a page holds at most a hundred lines), as BSON binary:
 * the head is written every batch that appends to the timeline, and a count per facet as a number
 * would make it several times larger. A flat tag of an older event counts for all three, as the
 * filter counts it.
 */
final class StoryFacets {

    static final String FACETS = "storyFacets";
    /** The counts of a page none of whose lines carries a facet yet. */
    static final byte[] NONE = new byte[0];
    private static final int MOST_IN_A_BYTE = 255;

    private StoryFacets() {
    }

    /** {@code counts} (a page's, as stored) with one more line: {@code line}; the head's list of facets grows as needed. */
    static byte[] counted(Document head, Object counts, TimelineLine line, int pageSize) {
        if (pageSize > MOST_IN_A_BYTE) {
            throw new IllegalStateException("a page of " + pageSize + " lines cannot count its facets in a byte");
        }
        @SuppressWarnings("unchecked")
        List<String> facets = (List<String>) head.get(FACETS);
        if (facets == null) {
            facets = new ArrayList<>();
            head.put(FACETS, facets);
        }
        byte[] previous = bytes(counts);
        List<Integer> positions = new ArrayList<>();
        for (String facet : facetsOf(line)) {
            int position = facets.indexOf(facet);
            if (position < 0) {
                facets.add(facet);
                position = facets.size() - 1;
            }
            positions.add(position);
        }
        int length = previous.length;
        for (int position : positions) {
            length = Math.max(length, position + 1);
        }
        byte[] next = Arrays.copyOf(previous, length);
        for (int position : positions) {
            next[position] = (byte) ((next[position] & 0xFF) + 1);
        }
        return next;
    }

    /** The facets {@code line} carries, each once. */
    static Set<String> facetsOf(TimelineLine line) {
        Set<String> facets = new LinkedHashSet<>();
        line.principles().forEach(principle -> facets.add(facet("p:", principle)));
        line.themes().forEach(theme -> facets.add(facet("t:", theme)));
        if (line.layer() != null) {
            facets.add(facet("l:", line.layer()));
        }
        for (String tag : line.tags()) {
            facets.add(facet("p:", tag));
            facets.add(facet("t:", tag));
            facets.add(facet("l:", tag));
        }
        return facets;
    }

    /**
     * {@code value} folded as {@link String#equalsIgnoreCase} compares it, a character at a time, so
     * that two values are the same facet exactly when the filter takes one for the other.
     */
    private static String facet(String kind, String value) {
        StringBuilder folded = new StringBuilder(kind.length() + value.length()).append(kind);
        for (int i = 0; i < value.length(); i++) {
            folded.append(Character.toLowerCase(Character.toUpperCase(value.charAt(i))));
        }
        return folded.toString();
    }

    private static byte[] bytes(Object counts) {
        if (counts instanceof Binary binary) {
            return binary.getData();
        }
        return counts == null ? NONE : (byte[]) counts;
    }

    /** The facets {@code filter} asks for, as positions in the head's list (-1: no line carries it). */
    static Wanted wanted(Document head, TimelineFilter filter) {
        @SuppressWarnings("unchecked")
        List<String> noted = (List<String>) head.get(FACETS);
        List<String> facets = noted == null ? List.of() : noted;
        List<Integer> positions = new ArrayList<>();
        if (filter.principle() != null) {
            positions.add(facets.indexOf(facet("p:", filter.principle())));
        }
        if (filter.theme() != null) {
            positions.add(facets.indexOf(facet("t:", filter.theme())));
        }
        if (filter.layer() != null) {
            positions.add(facets.indexOf(facet("l:", filter.layer())));
        }
        return new Wanted(positions.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Positions of the facets asked for in the head's list. */
    record Wanted(int[] positions) {

        boolean none() {
            return positions.length == 0;
        }

        /** How many lines of a page with {@code counts} carry each facet asked for. */
        int[] carrying(Object counts) {
            byte[] bytes = bytes(counts);
            int[] carrying = new int[positions.length];
            for (int i = 0; i < positions.length; i++) {
                int position = positions[i];
                carrying[i] = position < 0 || position >= bytes.length ? 0 : bytes[position] & 0xFF;
            }
            return carrying;
        }
    }
}
