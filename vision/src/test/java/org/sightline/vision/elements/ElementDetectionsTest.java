package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.vision.elements.ElementDetections.Detection;
import org.sightline.vision.elements.ElementDetections.Kind;

/** The detector's input and the decoding of its output, without a model. */
class ElementDetectionsTest {

    private static final int CLASSES = Kind.values().length;

    private static float[][][] maps(int n, int rows, int cols) {
        return new float[n][rows][cols];
    }

    @Test
    void aPeakAboveItsThresholdIsADetectionWithItsOffsetAndSize() {
        float[][][] heat = maps(CLASSES, 10, 12);
        float[][][] box = maps(4, 10, 12);
        heat[Kind.ICON_BUTTON.ordinal()][3][5] = 0.9f;
        heat[Kind.ICON_BUTTON.ordinal()][3][6] = 0.5f; // beside the peak: not a second detection
        box[0][3][5] = 0.5f;
        box[1][3][5] = 0.25f;
        box[2][3][5] = (float) Math.log(2); // 16 px wide
        box[3][3][5] = (float) Math.log(3); // 24 px tall
        float[] thresholds = new float[CLASSES];
        Arrays.fill(thresholds, 0.3f);
        List<Detection> found = ElementDetections.decode(heat, box, thresholds, 0, 0, Integer.MAX_VALUE);
        assertThat(found).hasSize(1);
        Detection d = found.get(0);
        assertThat(d.kind()).isEqualTo(Kind.ICON_BUTTON);
        assertThat(d.score()).isCloseTo(0.9, offset(1e-6));
        // centre (5.5 * 8, 3.25 * 8) = (44, 26); 16 x 24
        assertThat(d.box()).isEqualTo(new Rectangle(36, 14, 16, 24));
    }

    @Test
    void thresholdsAreApartPerClassAndRowsOutsideTheBandAreLeftToTheNextOne() {
        float[][][] heat = maps(CLASSES, 20, 8);
        float[][][] box = maps(4, 20, 8);
        heat[Kind.FIELD.ordinal()][2][2] = 0.4f;
        heat[Kind.IMAGE.ordinal()][2][2] = 0.4f;
        heat[Kind.IMAGE.ordinal()][15][4] = 0.8f;
        float[] thresholds = new float[CLASSES];
        Arrays.fill(thresholds, 0.5f);
        thresholds[Kind.FIELD.ordinal()] = 0.35f;
        List<Detection> all = ElementDetections.decode(heat, box, thresholds, 0, 0, 20);
        assertThat(all).extracting(Detection::kind).containsExactly(Kind.IMAGE, Kind.FIELD);
        List<Detection> band = ElementDetections.decode(heat, box, thresholds, 1000, 0, 10);
        assertThat(band).extracting(Detection::kind).containsExactly(Kind.FIELD);
        assertThat(band.get(0).box().y).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void theInputAveragesTwoByTwoBlocksAndPadsToTheStride() {
        BufferedImage image = new BufferedImage(70, 5, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(1, 0, 0xff0000);
        image.setRGB(0, 1, 0x00ff00);
        image.setRGB(1, 1, 0x0000ff);
        ElementDetectorInput input = ElementDetectorInput.of(new Pixels(image), 0, ElementDetector.BAND);
        assertThat(input.width).isEqualTo(64); // 35 columns, padded
        assertThat(input.height).isEqualTo(32); // 2 rows (the odd last one dropped), padded
        int plane = input.width * input.height;
        assertThat(input.values[0]).isCloseTo(0f, offset(1e-6f)); // red: (255 + 255) / 4 / 255 - 0.5
        assertThat(input.values[plane]).isCloseTo(0.25f - 0.5f, offset(1e-6f));
        assertThat(input.values[2 * plane]).isCloseTo(0.25f - 0.5f, offset(1e-6f));
        assertThat(input.values[1]).isEqualTo(-0.5f); // black
        assertThat(input.values[2 * input.width]).isEqualTo(0f); // padding row
        assertThat(input.values[40]).isEqualTo(0f); // padding column
    }

    @Test
    void aFlatStretchOfEqualPeaksIsOneDetectionAtTheirMiddle() {
        float[][][] heat = maps(CLASSES, 10, 20);
        float[][][] box = maps(4, 10, 20);
        for (int x = 4; x <= 9; x++) {
            // The inside of a wide field: the same numbers in six cells side by side.
            heat[Kind.FIELD.ordinal()][3][x] = 0.8f;
            box[0][3][x] = 0.5f;
            box[1][3][x] = 0.5f;
            box[2][3][x] = (float) Math.log(8); // 64 px wide
            box[3][3][x] = (float) Math.log(2.5); // 20 px tall
        }
        heat[Kind.FIELD.ordinal()][3][15] = 0.8f; // a field of its own further on, the same score and size
        box[0][3][15] = 0.5f;
        box[1][3][15] = 0.5f;
        box[2][3][15] = (float) Math.log(8);
        box[3][3][15] = (float) Math.log(2.5);
        heat[Kind.BUTTON.ordinal()][3][10] = 0.8f; // another kind beside the stretch stays apart
        float[] thresholds = new float[CLASSES];
        Arrays.fill(thresholds, 0.3f);
        List<Detection> found = ElementDetections.decode(heat, box, thresholds, 0, 0, Integer.MAX_VALUE);
        assertThat(found).hasSize(8);
        List<Detection> merged = ElementDetections.mergePlateaus(found);
        assertThat(merged).hasSize(3);
        // centres at x = 36 .. 76 (cells 4 .. 9 and a half): their mean 56, so the 64 px box starts at 24.
        assertThat(merged).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Kind.FIELD);
            assertThat(d.box()).isEqualTo(new Rectangle(24, 18, 64, 20));
        });
        assertThat(merged).anySatisfy(d -> assertThat(d.box()).isEqualTo(new Rectangle(92, 18, 64, 20)));
        assertThat(merged).anySatisfy(d -> assertThat(d.kind()).isEqualTo(Kind.BUTTON));
    }
}
