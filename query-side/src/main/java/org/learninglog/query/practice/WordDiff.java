package org.learninglog.query.practice;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word-level difference between two texts, as segments (kept, removed, added) and as one
 * readable line in the style {@code [-old words-]{+new words+}}.
 */
public record WordDiff(List<Segment> segments, String readable) {

    public enum Op { EQUAL, DELETE, INSERT }

    public record Segment(Op op, String text) {
    }

    public static WordDiff between(String before, String after) {
        List<String> from = words(before);
        List<String> to = words(after);
        Patch<String> patch = DiffUtils.diff(from, to);
        List<Segment> segments = new ArrayList<>();
        int index = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Op.EQUAL, from.subList(index, start));
            add(segments, Op.DELETE, delta.getSource().getLines());
            add(segments, Op.INSERT, delta.getTarget().getLines());
            index = start + delta.getSource().size();
        }
        add(segments, Op.EQUAL, from.subList(index, from.size()));
        StringBuilder readable = new StringBuilder();
        for (Segment segment : segments) {
            if (!readable.isEmpty()) {
                readable.append(' ');
            }
            readable.append(switch (segment.op()) {
                case EQUAL -> segment.text();
                case DELETE -> "[-" + segment.text() + "-]";
                case INSERT -> "{+" + segment.text() + "+}";
            });
        }
        return new WordDiff(List.copyOf(segments), readable.toString());
    }

    private static void add(List<Segment> segments, Op op, List<String> words) {
        if (!words.isEmpty()) {
            segments.add(new Segment(op, String.join(" ", words)));
        }
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.asList(text.trim().split("\\s+"));
    }
}
