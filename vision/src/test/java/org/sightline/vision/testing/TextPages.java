package org.sightline.vision.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A PNG of lines of black text on white, one every 50 pixels, as a letter or a note would look to OCR. */
public final class TextPages {

    private TextPages() {
    }

    /** Writes {@code lines} in the test sans font at {@code size} points into a PNG {@code width} wide. */
    public static Path png(Path file, int width, int size, String... lines) throws IOException {
        BufferedImage img = new BufferedImage(width, 60 + 50 * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, size));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 20, 50 + 50 * i);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
