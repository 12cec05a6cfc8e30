package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {

    // Classes: 0 blank, 1 "a", 2 "b", 3 space.
    private final CtcDecoder decoder = new CtcDecoder(new CharacterSet(List.of("a", "b")));

    /** Each step's best class as the recogniser hands it back, with a score falling a little each step. */
    private record Steps(long[] best, float[] score) {
    }

    private static Steps steps(int... best) {
        long[] classes = new long[best.length];
        float[] score = new float[best.length];
        for (int t = 0; t < best.length; t++) {
            classes[t] = best[t];
            score[t] = 0.9f - 0.01f * t;
        }
        return new Steps(classes, score);
    }

    @Test
    void collapsesRepeatsAndDropsBlanks() {
        Steps p = steps(1, 1, 0, 1, 2, 2, 3, 0, 2);
        List<CtcDecoder.DecodedChar> out = decoder.decode(p.best(), p.score(), 0, 9, 9);
        assertThat(out).extracting(CtcDecoder.DecodedChar::text).containsExactly("a", "a", "b", " ", "b");
        assertThat(out.get(0).firstStep()).isZero();
        assertThat(out.get(0).lastStep()).isEqualTo(1);
        assertThat(out.get(0).confidence()).isEqualTo(0.9f);
        assertThat(out.get(2).firstStep()).isEqualTo(4);
    }

    @Test
    void ignoresPaddingSteps() {
        Steps p = steps(1, 0, 2, 2);
        assertThat(decoder.decode(p.best(), p.score(), 0, 4, 2)).extracting(CtcDecoder.DecodedChar::text).containsExactly("a");
    }
}
