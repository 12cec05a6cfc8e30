package org.sightline.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptBlocksTest {

    private static final String TEXT = "Title line\nsecond\n\nBlock two\nmore\n\n\nBlock three";

    @Test
    void nextJumpsToTheFirstLineOfTheFollowingBlock() {
        int two = TEXT.indexOf("Block two");
        int three = TEXT.indexOf("Block three");
        assertThat(TranscriptBlocks.next(TEXT, 0)).isEqualTo(two);
        assertThat(TranscriptBlocks.next(TEXT, two + 3)).isEqualTo(three);
        assertThat(TranscriptBlocks.next(TEXT, three)).isEqualTo(three);
    }

    @Test
    void previousGoesToTheStartOfThisBlockThenTheOneBefore() {
        int two = TEXT.indexOf("Block two");
        int three = TEXT.indexOf("Block three");
        assertThat(TranscriptBlocks.previous(TEXT, three + 4)).isEqualTo(three);
        assertThat(TranscriptBlocks.previous(TEXT, three)).isEqualTo(two);
        assertThat(TranscriptBlocks.previous(TEXT, two)).isZero();
        assertThat(TranscriptBlocks.previous(TEXT, 0)).isZero();
    }

    @Test
    void aBlockIsEveryLineUpToTheNextEmptyLine() {
        String text = "Sightline ready.\n\nYou: Describe the screen\nLooked at: the screen\nA red box.\n\nYou: what colour?";
        assertThat(TranscriptBlocks.blockAt(text, TranscriptBlocks.next(text, 0)))
                .isEqualTo("You: Describe the screen\nLooked at: the screen\nA red box.");
        assertThat(TranscriptBlocks.blockAt(text, text.lastIndexOf("You:"))).isEqualTo("You: what colour?");
    }
}
