package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.vision.testing.TestFonts;

/**
 * A word whose ink changes colour inside it, as member lists draw a linked name and the brackets after it
 * ("setAccepted(bool)"), is cut where the colour changes; a word in one colour is left whole.
 */
class SplitInsideWordsTest {

    private static final Color GREEN = new Color(0x17, 0x81, 0x3a);
    private static final Color BODY = new Color(0x22, 0x22, 0x22);

    /** A line drawn on its own, and the segment OCR would give for it. */
    private record Drawn(TextSegmenter segmenter, TextSegment segment) {

        List<TextSegment> pieces() {
            return segmenter.splitInsideWords(segment, BODY.getRGB() & 0xffffff);
        }
    }

    /** Draws each part in its colour, one after the other with no space, and returns the segment over them. */
    private static Drawn draw(String text, Object... partsAndColours) {
        BufferedImage image = new BufferedImage(400, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(TestFonts.sans(Font.PLAIN, 18));
        int x = 10;
        for (int i = 0; i < partsAndColours.length; i += 2) {
            g.setColor((Color) partsAndColours[i + 1]);
            g.drawString((String) partsAndColours[i], x, 26);
            x += g.getFontMetrics().stringWidth((String) partsAndColours[i]);
        }
        g.dispose();
        TextSegmenter segmenter = new TextSegmenter(new Pixels(image));
        TextSegment s = new TextSegment(text, new Rectangle(8, 8, x - 6, 24), 0.95, 0);
        segmenter.measure(s, Color.WHITE.getRGB() & 0xffffff);
        return new Drawn(segmenter, s);
    }

    @Test
    void aColouredNameIsCutFromTheBracketsAfterIt() {
        List<TextSegment> pieces = draw("setAccepted(bool)", "setAccepted", GREEN, "(bool)", BODY).pieces();
        assertThat(pieces).extracting(p -> p.text).containsExactly("setAccepted", "(bool)");
        assertThat(Pixels.chroma(pieces.get(0).ink)).isGreaterThanOrEqualTo(45);
        assertThat(pieces.get(0).partOfWord).isTrue();
        assertThat(pieces.get(1).partOfWord).isFalse();
        assertThat(pieces.get(0).box.x + pieces.get(0).box.width).isLessThanOrEqualTo(pieces.get(1).box.x);
    }

    @Test
    void bracketsOcrReadAsALetterAreLeftOut() {
        // OCR reads an empty pair of brackets after a name as "0" or "O".
        assertThat(draw("globalX0", "globalX", GREEN, "()", BODY).pieces()).extracting(p -> p.text)
                .containsExactly("globalX");
    }

    @Test
    void aWordInOneColourStaysWhole() {
        assertThat(draw("isAccepted()", "isAccepted()", GREEN).pieces()).extracting(p -> p.text)
                .containsExactly("isAccepted()");
        assertThat(draw("enum Type", "enum ", BODY, "Type", GREEN).pieces()).extracting(p -> p.text)
                .containsExactly("enum Type");
    }
}
