package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    @Test
    void transparentPixelsAreCompositedOnWhite() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00ff0000);   // fully transparent red: white
        image.setRGB(1, 0, 0x80000000);   // half-transparent black: mid grey
        image.setRGB(2, 0, 0xff0000ff);   // opaque blue: blue
        float[][] rgb = ImagePreprocessor.planes(image);
        assertThat(new float[] {rgb[0][0], rgb[1][0], rgb[2][0]}).containsExactly(255f, 255f, 255f);
        assertThat(rgb[0][1]).isCloseTo(255f * (1 - 128 / 255f), within(0.01f));
        assertThat(new float[] {rgb[0][2], rgb[1][2], rgb[2][2]}).containsExactly(0f, 0f, 255f);
    }

    @Test
    void anOpaqueImageKeepsItsColours() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x102030);
        float[][] rgb = ImagePreprocessor.planes(image);
        assertThat(new float[] {rgb[0][0], rgb[1][0], rgb[2][0]}).containsExactly(16f, 32f, 48f);
    }
}
