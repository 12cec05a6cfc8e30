package org.sightline.vision.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;
import org.sightline.vision.describe.CloserLook.Part;

/** Which part of the image a request for a closer look names. */
class CloserLookTest {

    @Test
    void cornersSidesAndTheMiddleAreNamedInEnglishAndChinese() {
        assertThat(CloserLook.part("Look closer at the top right")).contains(Part.TOP_RIGHT);
        assertThat(CloserLook.part("zoom in on the upper left corner")).contains(Part.TOP_LEFT);
        assertThat(CloserLook.part("more detail at the bottom")).contains(Part.BOTTOM);
        assertThat(CloserLook.part("look closer at the center")).contains(Part.MIDDLE);
        assertThat(CloserLook.part("仔细看右下角")).contains(Part.BOTTOM_RIGHT);
        assertThat(CloserLook.part("仔细看左边")).contains(Part.LEFT);
    }

    @Test
    void aPlainRequestOrAnotherQuestionNamesNoPart() {
        assertThat(CloserLook.part("look closer")).isEmpty();
        assertThat(CloserLook.part("What is at the top right?")).as("a question, not a closer look").isEmpty();
        assertThat(CloserLook.part(null)).isEmpty();
    }

    @Test
    void aCornerReachesPastTheMiddleSoThatWhatIsOnTheLineIsWhole() {
        assertThat(Part.TOP_RIGHT.of(1000, 600)).isEqualTo(new Rectangle(400, 0, 600, 360));
        assertThat(Part.MIDDLE.of(1000, 600)).isEqualTo(new Rectangle(200, 120, 600, 360));
        assertThat(Part.BOTTOM.of(999, 601)).isEqualTo(new Rectangle(0, 240, 999, 361));
    }
}
