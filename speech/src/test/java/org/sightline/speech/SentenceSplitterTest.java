package org.sightline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceSplitterTest {

    @Test
    void splitsOnSentenceEndsButNotOnDecimalsOrAbbreviations() {
        assertThat(SentenceSplitter.split("It costs 3.50 dollars. Dr. Smith, e.g. the surgeon, agrees! Really?"))
                .containsExactly("It costs 3.50 dollars.", "Dr. Smith, e.g. the surgeon, agrees!", "Really?");
    }

    @Test
    void splitsChineseOnItsOwnMarks() {
        assertThat(SentenceSplitter.split("你好，世界。今天天气很好！你呢？"))
                .containsExactly("你好，世界。", "今天天气很好！", "你呢？");
    }

    @Test
    void newlinesEndPiecesSoListsReadItemByItem() {
        assertThat(SentenceSplitter.split("Buttons:\n- Save\n- Cancel\n\n"))
                .containsExactly("Buttons:", "- Save", "- Cancel");
    }

    @Test
    void streamedTokensYieldASentenceOnlyOnceItIsComplete() {
        SentenceSplitter s = new SentenceSplitter();
        List<String> out = new ArrayList<>();
        for (String token : List.of("The total ", "is 3", ".", "5 euros", ".", " Pay", " now.")) {
            out.addAll(s.append(token));
            if (out.isEmpty()) {
                assertThat(token).isNotEqualTo(" Pay");
            }
        }
        assertThat(out).containsExactly("The total is 3.5 euros.");
        assertThat(s.finish()).containsExactly("Pay now.");
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(SentenceSplitter.split("Bell\u0007 and\u0000 null.")).containsExactly("Bell  and  null.");
    }

    @ParameterizedTest
    @CsvSource({"'', 0", "'   ', 0", "'...', 0", "'?!', 0", "'a', 1"})
    void emptyOrWordlessTextGivesNothing(String text, int pieces) {
        assertThat(SentenceSplitter.split(text)).hasSize(pieces);
    }

    @Test
    void runsWithoutSentenceEndsAreCutAtCommasOrSpacesBelowTheLimit() {
        String words = "word, ".repeat(200);
        List<String> pieces = SentenceSplitter.split(words);
        assertThat(pieces).hasSizeGreaterThan(3)
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(SentenceSplitter.MAX_CHUNK))
                .allSatisfy(p -> assertThat(p).endsWith(","));
        String noSpaces = "x".repeat(1000);
        assertThat(String.join("", SentenceSplitter.split(noSpaces))).isEqualTo(noSpaces);
    }

    @Test
    void a100000CharacterTextIsSplitQuickly() {
        String text = "A sentence of a long document. ".repeat(3300);
        long start = System.nanoTime();
        List<String> pieces = SentenceSplitter.split(text);
        assertThat(pieces).hasSize(3300);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }
}
