package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;
import org.sightline.vision.testing.TestFonts;

/**
 * A breadcrumb trail in a large font on a coloured bar, as Sphinx themes draw it: its "»" marks are wider than
 * a bar and its version number breaks into several clusters of ink, and OCR reads some marks as "&gt;". Each
 * item is a link of its own, with its own words.
 */
class BreadcrumbTest {

    private static final List<String> TRAIL = List.of("CMake", "3.25.1 Documentation", "cmake-policies(7)",
            "CMP0107");

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    @Test
    void eachItemOfAWideTrailIsALinkOfItsOwn() {
        BufferedImage page = drawTrail();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "trail"),
                OCR.engine().read(page, TaskContext.none()), TaskContext.none());
        assertThat(map.ofType(ElementType.LINK)).extracting(e -> e.label().replace(" ", ""))
                .containsExactlyElementsOf(TRAIL.stream().map(t -> t.replace(" ", "")).toList());
    }

    private static BufferedImage drawTrail() {
        BufferedImage img = new BufferedImage(1000, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(0x0b, 0x4f, 0x96));
        g.fillRect(0, 0, img.getWidth(), 56);
        g.setColor(Color.WHITE);
        g.setFont(TestFonts.sans(Font.PLAIN, 26));
        g.drawString(String.join(" \u00bb ", TRAIL), 40, 37);
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(TestFonts.sans(Font.PLAIN, 16));
        g.drawString("New in version 3.17. The policies of this page set how CMake builds each target.", 40, 110);
        g.dispose();
        return img;
    }
}
