package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;
import org.sightline.vision.testing.TestFonts;

/**
 * A page header as a browser draws it: a menu of underlined links on one line (which OCR reads as one line),
 * and below it a search box with no label of its own beside its Search button. Each link keeps its whole words
 * ("Sign in" has an underline under its space), and the link above the box is not taken for the box's label.
 */
class MenuBarTest {

    private static final List<String> MENU = List.of("Home", "Catalog", "Events", "Sign in");

    @TempDir
    Path models;

    @Test
    void eachMenuLinkKeepsItsWordsAndTheSearchBoxHasNoLinkForALabel() {
        BufferedImage page = drawHeader();
        ElementMap map;
        try (PpOcrEngine engine = PpOcrEngine.load(BundledOcrModels.extractTo(models))) {
            map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "header"),
                    engine.read(page, TaskContext.none()), TaskContext.none());
        }
        assertThat(map.ofType(ElementType.LINK)).extracting(e -> e.label().replace(" ", ""))
                .containsExactly("Home", "Catalog", "Events", "Signin");
        assertThat(map.ofType(ElementType.FIELD)).singleElement()
                .satisfies(field -> assertThat(MENU).doesNotContain(field.label()));
    }

    private static BufferedImage drawHeader() {
        BufferedImage img = new BufferedImage(760, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(TestFonts.sans(Font.PLAIN, 22));
        g.setColor(new Color(0x06, 0x45, 0xad));
        int x = 24;
        for (String item : MENU) {
            g.drawString(item, x, 40);
            int width = g.getFontMetrics().stringWidth(item);
            g.fillRect(x, 43, width, 2);
            x += width + 36;
        }
        g.setColor(new Color(0x76, 0x76, 0x76));
        g.drawRect(24, 64, 226, 34);
        g.setColor(new Color(0xef, 0xef, 0xef));
        g.fillRect(258, 64, 94, 34);
        g.setColor(new Color(0x76, 0x76, 0x76));
        g.drawRect(258, 64, 94, 34);
        g.setColor(Color.BLACK);
        g.drawString("Search", 266, 89);
        g.dispose();
        return img;
    }
}
