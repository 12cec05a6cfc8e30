package org.sightline.vision.regions;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A screenshot shrunk to a grid of cells, each holding the colour most of it shows (text strokes are too thin
 * to win a cell), with the page's background colour and the blocks of another solid colour: sidebars, header
 * bars, content cards. Only a few image rows are held at a time, so a very tall page costs memory in proportion
 * to the grid, not the image.
 */
final class ColourGrid {

    /** The grid is at most this many cells wide. */
    private static final int MAX_COLUMNS = 320;
    /** The smallest cell side in pixels. */
    private static final int MIN_CELL = 4;
    /** Samples per cell side. */
    private static final int SAMPLES = 3;
    /** Colours closer than this (largest channel difference) are one colour. */
    static final int SAME = 10;
    /** A block must differ at least this much from the page to count as a pane of its own. */
    private static final int PANE_CONTRAST = 6;

    final int cell;
    final int columns;
    final int rows;
    final int imageWidth;
    final int imageHeight;
    private final int[] colour;
    final int background;

    ColourGrid(BufferedImage image) {
        imageWidth = image.getWidth();
        imageHeight = image.getHeight();
        cell = Math.max(MIN_CELL, (int) Math.ceil(imageWidth / (double) MAX_COLUMNS));
        columns = Math.max(1, imageWidth / cell);
        rows = Math.max(1, imageHeight / cell);
        colour = new int[columns * rows];
        PixelRows pixels = new PixelRows(image);
        int[] line = new int[imageWidth];
        int[][] samples = new int[columns][SAMPLES * SAMPLES];
        for (int r = 0; r < rows; r++) {
            for (int sy = 0; sy < SAMPLES; sy++) {
                int y = Math.min(imageHeight - 1, r * cell + (2 * sy + 1) * cell / (2 * SAMPLES));
                pixels.row(y, line);
                for (int c = 0; c < columns; c++) {
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        int x = Math.min(imageWidth - 1, c * cell + (2 * sx + 1) * cell / (2 * SAMPLES));
                        samples[c][sy * SAMPLES + sx] = line[x] & 0xffffff;
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                colour[r * columns + c] = majority(samples[c]);
            }
        }
        background = mostCommon();
    }

    int at(int column, int row) {
        return colour[row * columns + column];
    }

    /** The largest difference of one channel between two packed RGB colours. */
    static int distance(int a, int b) {
        int dr = Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff));
        int dg = Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff));
        int db = Math.abs((a & 0xff) - (b & 0xff));
        return Math.max(dr, Math.max(dg, db));
    }

    private static int majority(int[] samples) {
        int best = samples[0];
        int bestCount = 0;
        for (int a : samples) {
            int count = 0;
            for (int b : samples) {
                if (distance(a, b) <= SAME) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                best = a;
            }
        }
        return best;
    }

    /** The most common colour, by bins of 16 levels per channel, as the mean of its bin. */
    private int mostCommon() {
        int[] counts = new int[4096];
        for (int c : colour) {
            counts[bin(c)]++;
        }
        int top = 0;
        for (int b = 1; b < counts.length; b++) {
            if (counts[b] > counts[top]) {
                top = b;
            }
        }
        long r = 0;
        long g = 0;
        long b = 0;
        for (int c : colour) {
            if (bin(c) == top) {
                r += (c >> 16) & 0xff;
                g += (c >> 8) & 0xff;
                b += c & 0xff;
            }
        }
        int n = Math.max(1, counts[top]);
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    private static int bin(int c) {
        return ((c >> 20) & 0xf) << 8 | ((c >> 12) & 0xf) << 4 | ((c >> 4) & 0xf);
    }

    /**
     * Blocks of one solid colour other than the page's, in image pixels: each a 4-connected run of cells of
     * nearly the seed's colour, kept when it fills at least half of its bounding box (text inside leaves holes)
     * and covers at least {@code minCells} cells.
     */
    List<Rectangle> blocks(int minCells) {
        boolean[] seen = new boolean[colour.length];
        int[] queue = new int[colour.length];
        List<Rectangle> found = new ArrayList<>();
        for (int start = 0; start < colour.length; start++) {
            if (seen[start] || distance(colour[start], background) < PANE_CONTRAST) {
                continue;
            }
            int seed = colour[start];
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            int minC = columns;
            int maxC = -1;
            int minR = rows;
            int maxR = -1;
            while (head < tail) {
                int i = queue[head++];
                int c = i % columns;
                int r = i / columns;
                minC = Math.min(minC, c);
                maxC = Math.max(maxC, c);
                minR = Math.min(minR, r);
                maxR = Math.max(maxR, r);
                tail = visit(c - 1, r, seed, seen, queue, tail);
                tail = visit(c + 1, r, seed, seen, queue, tail);
                tail = visit(c, r - 1, seed, seen, queue, tail);
                tail = visit(c, r + 1, seed, seen, queue, tail);
            }
            long area = (long) (maxC - minC + 1) * (maxR - minR + 1);
            if (tail >= minCells && tail >= 0.5 * area) {
                found.add(toImage(minC, minR, maxC, maxR));
            }
        }
        return found;
    }

    private int visit(int c, int r, int seed, boolean[] seen, int[] queue, int tail) {
        if (c < 0 || r < 0 || c >= columns || r >= rows) {
            return tail;
        }
        int i = r * columns + c;
        int d = distance(colour[i], seed);
        // Closer to the seed than to the page: a pane only a little darker than the page does not flood into it.
        if (seen[i] || d > SAME || d >= distance(colour[i], background)) {
            return tail;
        }
        seen[i] = true;
        queue[tail] = i;
        return tail + 1;
    }

    /** The image rectangle of cells [minC..maxC] x [minR..maxR]; cells at the grid's end reach the image's. */
    private Rectangle toImage(int minC, int minR, int maxC, int maxR) {
        int x0 = minC * cell;
        int y0 = minR * cell;
        int x1 = maxC == columns - 1 ? imageWidth : (maxC + 1) * cell;
        int y1 = maxR == rows - 1 ? imageHeight : (maxR + 1) * cell;
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }
}
