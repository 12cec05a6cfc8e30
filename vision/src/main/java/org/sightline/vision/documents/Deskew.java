package org.sightline.vision.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Straightens a scanned page before OCR. A page scanned half a degree askew drifts by a whole line height
 * across its width at 300 dpi, and the line detector then joins neighbouring lines or loses them. The angle is
 * the one whose horizontal projection of dark pixels is the most peaked (text lines fall into narrow rows),
 * searched on a shrunken copy between -{@value #MAX_DEGREES} and +{@value #MAX_DEGREES} degrees.
 */
final class Deskew {

    static final double MAX_DEGREES = 3;
    private static final double STEP_DEGREES = 0.05;
    /** Angles smaller than this are left alone: turning costs more than it brings. */
    private static final double MIN_DEGREES = 0.1;
    private static final int SAMPLE_WIDTH = 1200;

    private Deskew() {
    }

    /** The page turned upright, or the page itself when it is straight. */
    static BufferedImage straighten(BufferedImage page) {
        double angle = angle(page);
        if (Math.abs(angle) < MIN_DEGREES) {
            return page;
        }
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(-angle), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** The page's skew in degrees, positive when lines fall from left to right (clockwise on screen). */
    static double angle(BufferedImage page) {
        int step = Math.max(1, page.getWidth() / SAMPLE_WIDTH);
        int w = page.getWidth() / step;
        int h = page.getHeight() / step;
        int[] xs = new int[w * h];
        int[] ys = new int[w * h];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = page.getRGB(x * step, y * step);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 110) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 50) {
            return 0;
        }
        double best = 0;
        double bestScore = -1;
        int[] rows = new int[h + 2 * w];
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += STEP_DEGREES) {
            double tan = Math.tan(Math.toRadians(a));
            Arrays.fill(rows, 0);
            for (int i = 0; i < n; i++) {
                int row = (int) Math.round(ys[i] - xs[i] * tan) + w;
                if (row >= 0 && row < rows.length) {
                    rows[row]++;
                }
            }
            double score = 0;
            for (int r : rows) {
                score += (double) r * r;
            }
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }
}
