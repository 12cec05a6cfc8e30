package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {

    // Classes: 0 blank, 1 "a", 2 "b", 3 space.
    private final CtcDecoder decoder = new CtcDecoder(new CharacterSet(List.of("a", "b")));

    private static float[] steps(int classes, int... best) {
        float[] p = new float[best.length * classes];
        for (int t = 0; t < best.length; t++) {
            for (int c = 0; c < classes; c++) {
                p[t * classes + c] = c == best[t] ? 0.9f - 0.01f * t : 0.1f / (classes - 1);
            }
        }
        return p;
    }

    @Test
    void collapsesRepeatsAndDropsBlanks() {
        float[] p = steps(4, 1, 1, 0, 1, 2, 2, 3, 0, 2);
        List<CtcDecoder.DecodedChar> out = decoder.decode(p, 0, 9, 4, 9);
        assertThat(out).extracting(CtcDecoder.DecodedChar::text).containsExactly("a", "a", "b", " ", "b");
        assertThat(out.get(0).firstStep()).isZero();
        assertThat(out.get(0).lastStep()).isEqualTo(1);
        assertThat(out.get(0).confidence()).isEqualTo(0.9f);
        assertThat(out.get(2).firstStep()).isEqualTo(4);
    }

    @Test
    void ignoresPaddingSteps() {
        float[] p = steps(4, 1, 0, 2, 2);
        assertThat(decoder.decode(p, 0, 4, 4, 2)).extracting(CtcDecoder.DecodedChar::text).containsExactly("a");
    }
}
