package org.learninglog.query.practice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTest {

    @Test
    void a_changed_phrase_reads_as_the_words_taken_out_and_the_words_put_in() {
        WordDiff diff = WordDiff.between("The partnership meets monthly in the library at 6pm",
                "The partnership meets monthly at the school gate at 3pm");

        // The smallest difference: words both versions share stay in place.
        assertThat(diff.readable())
                .isEqualTo("The partnership meets monthly [-in-] {+at+} the [-library-] {+school gate+} at [-6pm-] {+3pm+}");
        assertThat(diff.segments()).extracting(WordDiff.Segment::op).containsExactly(WordDiff.Op.EQUAL, WordDiff.Op.DELETE,
                WordDiff.Op.INSERT, WordDiff.Op.EQUAL, WordDiff.Op.DELETE, WordDiff.Op.INSERT, WordDiff.Op.EQUAL,
                WordDiff.Op.DELETE, WordDiff.Op.INSERT);
    }

    @Test
    void words_added_at_the_end_are_only_an_insertion() {
        WordDiff diff = WordDiff.between("We meet at the gate", "We meet at the gate and the youth group chairs");

        assertThat(diff.readable()).isEqualTo("We meet at the gate {+and the youth group chairs+}");
    }

    @Test
    void the_same_text_has_no_change_and_an_empty_one_is_all_new() {
        assertThat(WordDiff.between("Same words", "Same  words").segments()).extracting(WordDiff.Segment::op)
                .containsExactly(WordDiff.Op.EQUAL);
        assertThat(WordDiff.between(null, "New practice").readable()).isEqualTo("{+New practice+}");
    }
}
