package org.sightline.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.speech.Earcon;
import org.sightline.speech.testing.Pcm;

/** The earcons in assets/earcons: present at their resource path, short, small and audible. */
class EarconTest {

    @ParameterizedTest
    @EnumSource(Earcon.class)
    void eachEarconIsAShortSmallAudibleWav(Earcon earcon) throws Exception {
        try (InputStream in = Earcon.class.getResourceAsStream(earcon.resource())) {
            assertThat(in).as(earcon.resource()).isNotNull();
            assertThat(in.readAllBytes().length).isLessThan(20_000);
        }
        EarconPlayer.Sound sound = EarconPlayer.load(earcon);
        assertThat(sound.seconds()).isBetween(0.05, 0.5);
        assertThat(Pcm.rms(sound.pcm(), sound.format())).isGreaterThan(0.05);
    }

    @ParameterizedTest
    @EnumSource(Earcon.class)
    void playingReturnsAtOnceEvenWithoutASoundDevice(Earcon earcon) {
        try (EarconPlayer player = new EarconPlayer()) {
            long start = System.nanoTime();
            player.play(earcon);
            player.play(earcon);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        }
    }
}
