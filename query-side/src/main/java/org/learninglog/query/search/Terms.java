package org.learninglog.query.search;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits text into search terms: lower case, accents folded, words of two letters or more, common words left out. */
public final class Terms {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "was", "were", "are",
            "is", "of", "to", "in", "on", "at", "by", "it", "as", "an", "be", "or", "from", "we", "our", "they", "their", "a");

    /** Compiled once: {@code String.replaceAll} and {@code split} compiled theirs on every call (a tenth of a live batch's indexing in a profile). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Terms() {
    }

    /** Each term of {@code text} with how often it occurs. */
    public static Map<String, Integer> of(String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        if (text == null) {
            return terms;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        for (String word : NOT_WORD.split(folded)) {
            if (word.length() >= 2 && !STOP_WORDS.contains(word)) {
                terms.merge(word, 1, Integer::sum);
            }
        }
        return terms;
    }
}
