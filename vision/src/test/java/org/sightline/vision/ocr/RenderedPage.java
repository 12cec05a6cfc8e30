package org.sightline.vision.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.sightline.vision.testing.TestFonts;

/** Draws test pages with known text, the way a screen shows it (antialiased text on a flat background). */
final class RenderedPage {

    private final BufferedImage image;
    private final Graphics2D g;

    RenderedPage(int width, int height, Color background) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, width, height);
    }

    /** Draws {@code text} with its baseline at ({@code x}, {@code y}). */
    RenderedPage text(String text, String family, int style, int size, Color color, int x, int y) {
        g.setFont(TestFonts.font(family, style, size));
        g.setColor(color);
        g.drawString(text, x, y);
        return this;
    }

    /** Draws {@code text} turned by {@code degrees} around its start. */
    RenderedPage rotatedText(String text, String family, int size, Color color, int x, int y, double degrees) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(degrees), x, y);
        text(text, family, Font.PLAIN, size, color, x, y);
        g.setTransform(saved);
        return this;
    }

    BufferedImage image() {
        g.dispose();
        return image;
    }
}
