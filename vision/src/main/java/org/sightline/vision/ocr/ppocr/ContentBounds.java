package org.sightline.vision.ocr.ppocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * The part of an image where something is drawn: the rows and columns that differ from the background colour
 * (taken from the top-left pixel). Empty margins, which take up much of a screenshot, are left out of
 * detection.
 */
final class ContentBounds {

    /** Luminance difference that counts as drawn, on a 0-255 scale. */
    private static final int DIFFERENCE = 10;

    private ContentBounds() {
    }

    static Rectangle of(BufferedImage img, int margin) {
        int w = img.getWidth();
        int h = img.getHeight();
        int background = luma(img.getRGB(0, 0));
        int top = -1;
        int bottom = -1;
        int left = w;
        int right = -1;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                if (Math.abs(luma(row[x]) - background) > DIFFERENCE) {
                    if (top < 0) {
                        top = y;
                    }
                    bottom = y;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (top < 0) {
            return new Rectangle();
        }
        int x0 = Math.max(0, left - margin);
        int y0 = Math.max(0, top - margin);
        int x1 = Math.min(w, right + 1 + margin);
        int y1 = Math.min(h, bottom + 1 + margin);
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
    }
}
