package org.sightline.vision.live;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sightline.vision.testing.TestFonts;

/** A terminal-like window drawn here: lines of monospaced text, scrolled by whole lines. */
final class ScrolledPage {

    static final int LINE_HEIGHT = 26;

    private ScrolledPage() {
    }

    /** Log line {@code i}, distinct words so that every line reads differently. */
    static String logLine(int i) {
        String[] verbs = {"fetched", "compiled", "linked", "tested", "packed", "signed", "copied"};
        String[] things = {"parser", "scanner", "viewer", "speaker", "reader", "window", "camera", "printer"};
        return String.format("[%02d] %s the %s module", i, verbs[i % verbs.length], things[i % things.length]);
    }

    /** Lines {@code first} to {@code first + rows - 1} of the log, as a {@code width}-pixel-wide window. */
    static BufferedImage window(int first, int rows, int width) {
        BufferedImage img = new BufferedImage(width, 20 + rows * LINE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(250, 250, 245));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(30, 30, 30));
        g.setFont(TestFonts.mono(17));
        for (int r = 0; r < rows; r++) {
            g.drawString(logLine(first + r), 12, 30 + r * LINE_HEIGHT);
        }
        g.dispose();
        return img;
    }

    static List<String> logLines(int first, int rows) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(logLine(first + r));
        }
        return out;
    }
}
