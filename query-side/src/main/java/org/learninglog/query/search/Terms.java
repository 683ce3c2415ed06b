package org.learninglog.query.search;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Splits text into search terms: lower case, accents folded, words of two letters or more, common words left out. */
public final class Terms {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "was", "were", "are",
            "is", "of", "to", "in", "on", "at", "by", "it", "as", "an", "be", "or", "from", "we", "our", "they", "their", "a");

    private Terms() {
    }

    /** Each term of {@code text} with how often it occurs. */
    public static Map<String, Integer> of(String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        if (text == null) {
            return terms;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 2 && !STOP_WORDS.contains(word)) {
                terms.merge(word, 1, Integer::sum);
            }
        }
        return terms;
    }
}
