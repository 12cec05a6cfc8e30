package org.sightline.vision.vlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceStreamTest {

    private final List<String> sentences = new ArrayList<>();
    private final SentenceStream stream = new SentenceStream(sentences::add);

    private void feed(String... pieces) {
        for (String p : pieces) {
            stream.onText(p);
        }
    }

    @Test
    void sentencesAreEmittedInOrderAsSoonAsTheyEnd() {
        feed(" A", " window", " with", " a", " blue", " title", " bar", ".");
        assertThat(sentences).isEmpty();              // the full stop might still be "3." of "3.5"
        feed(" It", " has");
        assertThat(sentences).containsExactly("A window with a blue title bar.");
        feed(" two", " buttons", "!", " Is", " it", " open", "?");
        assertThat(sentences).containsExactly("A window with a blue title bar.", "It has two buttons!");
        stream.finish();
        assertThat(sentences).containsExactly("A window with a blue title bar.", "It has two buttons!", "Is it open?");
    }

    @Test
    void abbreviationsDecimalsAndQuotesDoNotCutASentence() {
        feed("The price is 3.50 dollars, e.g. on the label. ", "The sign says \"Open.\" Then", " more");
        stream.finish();
        assertThat(sentences).containsExactly("The price is 3.50 dollars, e.g. on the label.",
                "The sign says \"Open.\"", "Then more");
    }

    @Test
    void chinesePunctuationAndLineBreaksEndSentences() {
        feed("这是一个窗口。", "上面有两个按钮！", "标题\n", "列表");
        assertThat(sentences).containsExactly("这是一个窗口。", "上面有两个按钮！", "标题");
        stream.finish();
        assertThat(sentences).endsWith("列表");
    }

    @Test
    void aRunOnTextIsCutAtASpaceSoSpeechDoesNotWaitForEver() {
        for (int i = 0; i < 100; i++) {
            feed(" word");
        }
        assertThat(sentences).isNotEmpty();
        assertThat(sentences.get(0).length()).isLessThanOrEqualTo(SentenceStream.MAX_CHARS + 1);
        stream.finish();
        assertThat(String.join(" ", sentences)).isEqualTo(("word ".repeat(100)).strip());
    }

    @Test
    void nothingIsEmittedForAnEmptyAnswer() {
        feed("", "  ");
        stream.finish();
        assertThat(sentences).isEmpty();
    }
}
