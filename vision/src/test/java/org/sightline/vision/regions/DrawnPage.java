package org.sightline.vision.regions;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sightline.vision.testing.TestFonts;

/**
 * A page drawn with Java2D for region tests: panes of colour, ruled lines and lines of text, each text line's
 * box kept as OCR would report it.
 */
final class DrawnPage {

    private static final String[] WORDS = ("the reader hears each pane of the page whole before the next one so "
            + "a list of links beside the text never breaks a sentence in two and the content keeps its order")
            .split(" ");

    final BufferedImage image;
    final List<Rectangle> lines = new ArrayList<>();
    private final Graphics2D g;
    private int wordIndex;

    DrawnPage(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        fill(new Rectangle(0, 0, width, height), Color.WHITE);
    }

    DrawnPage fill(Rectangle area, Color colour) {
        g.setColor(colour);
        g.fill(area);
        return this;
    }

    /** A one-pixel vertical rule. */
    DrawnPage rule(int x, int top, int bottom, Color colour) {
        g.setColor(colour);
        g.drawLine(x, top, x, bottom);
        return this;
    }

    /** One line of text with its baseline at {@code y}; returns its box. */
    Rectangle text(String text, int x, int y, float size, Color ink) {
        g.setFont(TestFonts.sans(java.awt.Font.PLAIN, size));
        g.setColor(ink);
        g.drawString(text, x, y);
        FontMetrics m = g.getFontMetrics();
        Rectangle box = new Rectangle(x, y - m.getAscent(), m.stringWidth(text), m.getAscent() + m.getDescent());
        lines.add(box);
        return box;
    }

    /** Lines of running text filling [x, x + width) from baseline {@code y}, {@code count} lines apart by pitch. */
    List<Rectangle> prose(int x, int y, int width, int count, int pitch) {
        List<Rectangle> boxes = new ArrayList<>();
        g.setFont(TestFonts.sans(java.awt.Font.PLAIN, 16));
        FontMetrics m = g.getFontMetrics();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            while (true) {
                String next = WORDS[wordIndex % WORDS.length];
                if (m.stringWidth(line + " " + next) > width) {
                    break;
                }
                line.append(line.length() == 0 ? "" : " ").append(next);
                wordIndex++;
            }
            boxes.add(text(line.toString(), x, y + i * pitch, 16, Color.BLACK));
        }
        return boxes;
    }

    /** Short link-like entries, one per line. */
    List<Rectangle> links(int x, int y, int count, int pitch, Color ink) {
        List<Rectangle> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = WORDS[(i * 7) % WORDS.length] + " " + WORDS[(i * 3 + 1) % WORDS.length];
            boxes.add(text(label, x, y + i * pitch, 15, ink));
        }
        return boxes;
    }

    DrawnPage done() {
        g.dispose();
        return this;
    }
}
