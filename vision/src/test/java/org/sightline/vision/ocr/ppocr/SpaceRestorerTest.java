package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceRestorerTest {

    private static CtcDecoder.DecodedChar ch(String text, int first, int last) {
        return new CtcDecoder.DecodedChar(text, 0.99f, first, last);
    }

    private static String restore(float spaceOnCommaStep) {
        // "as,to" with every character on adjacent steps: no step is left between the comma and the "t".
        List<CtcDecoder.DecodedChar> chars = List.of(ch("a", 1, 1), ch("s", 2, 2), ch(",", 3, 4), ch("t", 5, 5),
                ch("o", 6, 6));
        float[] space = new float[8];
        space[4] = spaceOnCommaStep;
        BufferedImage input = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        return new SpaceRestorer().restore(new TextRecognizer.Reading(chars, space, 8, input)).text();
    }

    @Test
    void aSpaceTheModelSawOnTheCommasOwnStepIsKept() {
        assertThat(restore(0.29f)).isEqualTo("as, to");
    }

    @Test
    void withoutThatProbabilityTheCharactersStayTogether() {
        assertThat(restore(0.001f)).isEqualTo("as,to");
    }
}
