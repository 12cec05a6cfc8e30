package org.sightline.vision.ocr.ppocr;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.sightline.vision.image.ImageStats;

/**
 * Where the ink of one line image is: the pixels far from the background, which is taken from the image's
 * border, so dark text on light and light text on dark work alike. Rows inked nearly end to end (underlines,
 * strike-throughs) are left out: they would close every gap between words and top every letter.
 */
final class LineInk {

    /** Pixels at most this far apart (in rows and columns) belong to one piece of ink. */
    private static final int JOIN = 2;

    private final int width;
    private final int height;
    private final boolean[] mask;
    private final boolean[] columns;
    private final int textHeight;
    private List<Blob> blobs;

    private LineInk(int width, int height, boolean[] mask, boolean[] columns, int textHeight) {
        this.width = width;
        this.height = height;
        this.mask = mask;
        this.columns = columns;
        this.textHeight = textHeight;
    }

    static LineInk of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        // One bulk read: reading pixel by pixel cost more than the rest of the line's analysis together.
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] lum = new float[w * h];
        for (int i = 0; i < rgb.length; i++) {
            lum[i] = (float) ImageStats.luminance(rgb[i]);
        }
        double[] border = new double[2 * w + 2 * h];
        int nb = 0;
        for (int x = 0; x < w; x++) {
            border[nb++] = lum[x];
            if (h > 1) {
                border[nb++] = lum[(h - 1) * w + x];
            }
        }
        for (int y = 1; y < h - 1; y++) {
            border[nb++] = lum[y * w];
            if (w > 1) {
                border[nb++] = lum[y * w + w - 1];
            }
        }
        double[] b = Arrays.copyOf(border, nb);
        Arrays.sort(b);
        double background = b[nb / 2];
        double maxDev = 0;
        for (float l : lum) {
            maxDev = Math.max(maxDev, Math.abs(l - background));
        }
        double threshold = Math.max(12, 0.35 * maxDev);
        boolean[] mask = new boolean[w * h];
        boolean[] columns = new boolean[w];
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int inked = 0;
            for (int x = 0; x < w; x++) {
                if (Math.abs(lum[row + x] - background) > threshold) {
                    mask[row + x] = true;
                    inked++;
                }
            }
            if (inked > 0.85 * w) {
                Arrays.fill(mask, row, row + w, false);
                continue;
            }
            if (inked > 0) {
                for (int x = 0; x < w; x++) {
                    columns[x] |= mask[row + x];
                }
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
        }
        return new LineInk(w, h, mask, columns, bottom < top ? h : bottom - top + 1);
    }

    /** Which columns hold ink. */
    boolean[] columns() {
        return columns.clone();
    }

    /** The height of the inked rows, the text height. */
    int textHeight() {
        return textHeight;
    }

    /** The first row with ink among columns {@code from} (inclusive) to {@code to} (exclusive), or -1. */
    int top(int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(width, to);
        for (int y = 0; y < height; y++) {
            for (int x = a; x < b; x++) {
                if (mask[y * width + x]) {
                    return y;
                }
            }
        }
        return -1;
    }

    /** The last row with ink among columns {@code from} (inclusive) to {@code to} (exclusive), or -1. */
    int bottom(int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(width, to);
        for (int y = height - 1; y >= 0; y--) {
            for (int x = a; x < b; x++) {
                if (mask[y * width + x]) {
                    return y;
                }
            }
        }
        return -1;
    }

    /** How many columns from {@code from} (inclusive) to {@code to} (exclusive) hold ink in {@code row}. */
    int inkedInRow(int row, int from, int to) {
        int n = 0;
        for (int x = Math.max(0, from); x < Math.min(width, to); x++) {
            if (mask[row * width + x]) {
                n++;
            }
        }
        return n;
    }

    /** One connected piece of ink: its extent in columns and rows, inclusive. */
    record Blob(int left, int right, int top, int bottom) {
    }

    /**
     * The connected pieces of ink, left to right. Pixels up to two apart join: thin strokes of small text come
     * apart at the ink threshold (the arms of a V), while letters and an i's dot stay apart.
     */
    java.util.List<Blob> blobs() {
        if (blobs == null) {
            blobs = List.copyOf(findBlobs());
        }
        return blobs;
    }

    private java.util.List<Blob> findBlobs() {
        int[] label = new int[width * height];
        java.util.List<Blob> out = new java.util.ArrayList<>();
        int[] stack = new int[width * height];
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            int id = out.size() + 1;
            int n = 0;
            stack[n++] = start;
            label[start] = id;
            int left = width;
            int right = -1;
            int top = height;
            int bottom = -1;
            while (n > 0) {
                int p = stack[--n];
                int x = p % width;
                int y = p / width;
                left = Math.min(left, x);
                right = Math.max(right, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                for (int dy = -JOIN; dy <= JOIN; dy++) {
                    for (int dx = -JOIN; dx <= JOIN; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (mask[q] && label[q] == 0) {
                            label[q] = id;
                            stack[n++] = q;
                        }
                    }
                }
            }
            out.add(new Blob(left, right, top, bottom));
        }
        out.sort(java.util.Comparator.comparingInt(Blob::left));
        return out;
    }
}
