package org.sightline.vision.capture;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
import org.sightline.vision.testing.TestFonts;

/** Made-up camera pictures: a printed page, and the same page dark, blurred or blank. */
final class TestPictures {

    private TestPictures() {
    }

    /** A white page with lines of dark text, as a camera 640x480 would see it held well. */
    static BufferedImage page() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(235, 232, 225));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(30, 30, 30));
        g.setFont(TestFonts.serif(18));
        String[] lines = {"Dear customer, your statement for March is below.", "Balance brought forward 1,204.50",
            "Payments received, thank you 300.00", "Interest charged this month 12.07",
            "Please pay the amount due by 14 April.", "Questions? Call us on 0800 123 456."};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 80 + i * 55);
        }
        g.dispose();
        return img;
    }

    static BufferedImage blurred(BufferedImage src, int radius) {
        int size = radius * 2 + 1;
        float[] k = new float[size * size];
        Arrays.fill(k, 1f / k.length);
        BufferedImage padded = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null).filter(src, padded);
        return padded;
    }

    static BufferedImage darkened(BufferedImage src, double factor) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                Color c = new Color(src.getRGB(x, y));
                out.setRGB(x, y, new Color((int) (c.getRed() * factor), (int) (c.getGreen() * factor),
                        (int) (c.getBlue() * factor)).getRGB());
            }
        }
        return out;
    }

    /** Light text on a dark background, as in a dark theme. */
    static BufferedImage inverted(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                out.setRGB(x, y, ~src.getRGB(x, y) & 0xffffff);
            }
        }
        return out;
    }

    static BufferedImage flat(Color colour, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}
