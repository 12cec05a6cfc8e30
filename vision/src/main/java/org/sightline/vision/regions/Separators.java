package org.sightline.vision.regions;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Thin ruled lines that divide a page: a vertical line between a sidebar and the content, a horizontal one
 * under a header or over a footer. A pixel is on a line when it differs from the pixels a few steps to either
 * side, and those two agree with each other (the same background runs on both sides of the line).
 */
final class Separators {

    /** How far either side of a pixel the background is looked for. */
    private static final int SIDE = 3;
    /** A line differs from its background by at least this much (a light grey rule on white). */
    private static final int CONTRAST = 18;
    /** At most this many image rows are examined for vertical lines, however tall the page. */
    private static final int MAX_ROWS = 1500;
    /** A horizontal line crosses at least this share of the page's width. */
    private static final double ACROSS = 0.8;

    private Separators() {
    }

    /** A vertical line at {@code x} from {@code top} to {@code bottom} (image pixels). */
    record Vertical(int x, int top, int bottom) {
        int length() {
            return bottom - top;
        }
    }

    /** Vertical lines at least {@code minLength} pixels long, one per line however many pixels wide. */
    static List<Vertical> vertical(BufferedImage image, int minLength) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w <= 2 * SIDE) {
            return List.of();
        }
        int step = Math.max(1, (h + MAX_ROWS - 1) / MAX_ROWS);
        int maxGap = 3 * step;
        int[] runStart = new int[w];
        int[] lastHit = new int[w];
        int[] bestStart = new int[w];
        int[] bestEnd = new int[w];
        java.util.Arrays.fill(lastHit, Integer.MIN_VALUE / 2);
        int[] row = new int[w];
        PixelRows pixels = new PixelRows(image);
        for (int y = 0; y < h; y += step) {
            pixels.row(y, row);
            for (int x = SIDE; x < w - SIDE; x++) {
                if (!onLine(row[x], row[x - SIDE], row[x + SIDE])) {
                    continue;
                }
                if (y - lastHit[x] > maxGap) {
                    runStart[x] = y;
                }
                lastHit[x] = y;
                if (y + step - runStart[x] > bestEnd[x] - bestStart[x]) {
                    bestStart[x] = runStart[x];
                    bestEnd[x] = Math.min(h, y + step);
                }
            }
        }
        List<Vertical> lines = new ArrayList<>();
        for (int x = 0; x < w; x++) {
            if (bestEnd[x] - bestStart[x] < minLength) {
                continue;
            }
            Vertical last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && x - last.x() <= SIDE) {
                continue; // the same line, a few pixels wide
            }
            lines.add(new Vertical(x, bestStart[x], bestEnd[x]));
        }
        return lines;
    }

    /**
     * Rows holding a horizontal line across most of the page, looked for only between {@code from} and
     * {@code to}; one row per line.
     */
    static List<Integer> horizontal(BufferedImage image, int from, int to) {
        int w = image.getWidth();
        int h = image.getHeight();
        int step = Math.max(1, w / 400);
        int samples = 0;
        for (int x = 0; x < w; x += step) {
            samples++;
        }
        PixelRows pixels = new PixelRows(image);
        int[] above = new int[samples];
        int[] here = new int[samples];
        int[] below = new int[samples];
        List<Integer> rows = new ArrayList<>();
        for (int y = Math.max(SIDE, from); y < Math.min(h - SIDE, to); y++) {
            pixels.sampled(y - SIDE, step, above);
            pixels.sampled(y, step, here);
            pixels.sampled(y + SIDE, step, below);
            int hits = 0;
            for (int k = 0; k < samples; k++) {
                if (onLine(here[k], above[k], below[k])) {
                    hits++;
                }
            }
            if (hits >= ACROSS * samples && (rows.isEmpty() || y - rows.get(rows.size() - 1) > SIDE)) {
                rows.add(y);
            }
        }
        return rows;
    }

    private static boolean onLine(int pixel, int before, int after) {
        return ColourGrid.distance(before, after) <= ColourGrid.SAME
                && ColourGrid.distance(pixel, before) >= CONTRAST && ColourGrid.distance(pixel, after) >= CONTRAST;
    }
}
