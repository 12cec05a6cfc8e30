package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LineInkTest {

    @Test
    void piecesOfAStrokeAPixelApartAreOneGlyphAndAnIsDotStaysApart() {
        BufferedImage img = new BufferedImage(80, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 80, 48);
        g.setColor(Color.BLACK);
        // A "V" whose arm tips came apart from its body at the ink threshold: a one-pixel break.
        g.fillRect(4, 10, 2, 3);
        g.fillRect(6, 14, 12, 16);
        g.fillRect(18, 10, 2, 3);
        // An "i": its dot stands four rows above the stem.
        g.fillRect(40, 8, 3, 3);
        g.fillRect(40, 15, 3, 15);
        g.dispose();
        var blobs = LineInk.of(img).blobs();
        assertThat(blobs).hasSize(3);
        assertThat(blobs.get(0)).isEqualTo(new LineInk.Blob(4, 19, 10, 29));
        assertThat(blobs).extracting(LineInk.Blob::top).contains(8, 15);
    }
}
