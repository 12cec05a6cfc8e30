package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placing the words OCR read on the clusters of ink the segmenter sees, when the two counts differ: a word is
 * never cut, and each word lands on its own ink.
 */
class TokenExtentsTest {

    @Test
    void aWordInBracketsSpreadOverThreeClustersStaysOneWord() {
        // "for Qhull (local)": the brackets stand apart from "local" as far as a word space.
        String[] words = {"for", "Qhull", "(local)"};
        List<int[]> ink = List.of(new int[] {0, 17}, new int[] {24, 58}, new int[] {65, 68}, new int[] {72, 99},
                new int[] {103, 106});
        List<int[]> placed = TextSegmenter.tokenExtents(words, ink);
        assertThat(placed).hasSize(3);
        assertThat(placed.get(0)).containsExactly(0, 17);
        assertThat(placed.get(1)).containsExactly(24, 58);
        assertThat(placed.get(2)).containsExactly(65, 106);
    }

    @Test
    void wordsJoinedByOneUnderlineShareItsClusterByTheirLetters() {
        // "Mailing Lists Wiki": the first two words under one underline make one cluster.
        String[] words = {"Mailing", "Lists", "Wiki"};
        List<int[]> ink = List.of(new int[] {0, 65}, new int[] {76, 98});
        List<int[]> placed = TextSegmenter.tokenExtents(words, ink);
        assertThat(placed).hasSize(3);
        assertThat(placed.get(0)[0]).isZero();
        assertThat(placed.get(0)[1]).isBetween(30, 45);
        assertThat(placed.get(1)[1]).isEqualTo(65);
        assertThat(placed.get(2)).containsExactly(76, 98);
    }

    @Test
    void asManyClustersAsWordsGiveEachWordItsCluster() {
        List<int[]> ink = List.of(new int[] {0, 10}, new int[] {15, 30});
        List<int[]> placed = TextSegmenter.tokenExtents(new String[] {"Home", "Docs"}, ink);
        assertThat(placed.get(0)).containsExactly(0, 10);
        assertThat(placed.get(1)).containsExactly(15, 30);
    }
}
