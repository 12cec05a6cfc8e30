package org.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A message from elsewhere spoken before another sentence must end as a sentence, or the voice runs on. */
class AppTextTest {

    @Test
    void aMessageWithoutAStopGetsOne() {
        assertThat(AppText.sentence("connection refused")).isEqualTo("connection refused.");
        assertThat(AppText.sentence(" The server said no ")).isEqualTo("The server said no.");
        assertThat(AppText.sentence("无法连接")).isEqualTo("无法连接。");
    }

    @Test
    void aMessageThatEndsAsASentenceIsLeftAlone() {
        assertThat(AppText.sentence("It failed.")).isEqualTo("It failed.");
        assertThat(AppText.sentence("Why?")).isEqualTo("Why?");
        assertThat(AppText.sentence("无法连接。")).isEqualTo("无法连接。");
        assertThat(AppText.sentence("")).isEmpty();
    }
}
