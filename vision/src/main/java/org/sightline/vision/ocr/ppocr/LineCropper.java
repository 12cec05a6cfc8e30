package org.sightline.vision.ocr.ppocr;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Cuts a text region out of the page as an upright strip: upright rectangles are copied, rotated ones are
 * straightened by a perspective transform of their four corners; tall narrow regions (vertical text) are
 * turned a quarter so the text runs left to right, as the recogniser expects.
 */
final class LineCropper {

    private LineCropper() {
    }

    static BufferedImage crop(BufferedImage page, Quad q) {
        BufferedImage strip;
        if (q.isAxisAligned()) {
            Rectangle r = q.bounds(page.getWidth(), page.getHeight());
            if (r.width < 1 || r.height < 1) {
                return null;
            }
            strip = page.getSubimage(r.x, r.y, r.width, r.height);
        } else {
            strip = warp(page, q);
        }
        if (strip == null) {
            return null;
        }
        if (strip.getHeight() >= 1.5 * strip.getWidth()) {
            strip = rotateCounterClockwise(strip);
        }
        return strip;
    }

    /** Samples the quad into a {@code width x height} image through the homography of its corners. */
    static BufferedImage warp(BufferedImage page, Quad q) {
        int w = (int) Math.round(q.width());
        int h = (int) Math.round(q.height());
        if (w < 1 || h < 1) {
            return null;
        }
        double[] hm = Homography.fromUnitRectangle(w, h, q.xs(), q.ys());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int pw = page.getWidth();
        int ph = page.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x + 0.5;
                double v = y + 0.5;
                double den = hm[6] * u + hm[7] * v + 1;
                double sx = (hm[0] * u + hm[1] * v + hm[2]) / den - 0.5;
                double sy = (hm[3] * u + hm[4] * v + hm[5]) / den - 0.5;
                out.setRGB(x, y, bilinear(page, sx, sy, pw, ph));
            }
        }
        return out;
    }

    private static int bilinear(BufferedImage img, double x, double y, int w, int h) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int c00 = pixel(img, x0, y0, w, h);
        int c10 = pixel(img, x0 + 1, y0, w, h);
        int c01 = pixel(img, x0, y0 + 1, w, h);
        int c11 = pixel(img, x0 + 1, y0 + 1, w, h);
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double top = ((c00 >> shift) & 0xff) * (1 - fx) + ((c10 >> shift) & 0xff) * fx;
            double bottom = ((c01 >> shift) & 0xff) * (1 - fx) + ((c11 >> shift) & 0xff) * fx;
            int v = (int) Math.round(top * (1 - fy) + bottom * fy);
            out |= (v & 0xff) << shift;
        }
        return out;
    }

    /** Edge pixels repeat outside the image, so a region touching the border gets no black fringe. */
    private static int pixel(BufferedImage img, int x, int y, int w, int h) {
        return img.getRGB(Math.max(0, Math.min(w - 1, x)), Math.max(0, Math.min(h - 1, y)));
    }

    static BufferedImage rotateCounterClockwise(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(y, w - 1 - x, src.getRGB(x, y));
            }
        }
        return out;
    }

    static BufferedImage rotate180(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, h - 1 - y, src.getRGB(x, y));
            }
        }
        return out;
    }

    /**
     * Scales {@code src} to {@code height} pixels tall, keeping its proportions, at most {@code maxWidth} wide; an
     * image already that size is returned as it is.
     */
    static BufferedImage toHeight(BufferedImage src, int height, int maxWidth) {
        if (src.getHeight() == height && src.getWidth() <= maxWidth) {
            return src;
        }
        // Bilinear scaling skips pixels when shrinking by more than half: halve first so large text (posters,
        // scans) keeps its strokes.
        while (src.getHeight() > 2 * height && src.getWidth() >= 2) {
            src = scaled(src, src.getWidth() / 2, src.getHeight() / 2);
        }
        int w = (int) Math.ceil(src.getWidth() * (double) height / src.getHeight());
        w = Math.max(1, Math.min(maxWidth, w));
        return scaled(src, w, height);
    }

    private static BufferedImage scaled(BufferedImage src, int w, int height) {
        BufferedImage out = new BufferedImage(w, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, height, null);
        g.dispose();
        return out;
    }
}
