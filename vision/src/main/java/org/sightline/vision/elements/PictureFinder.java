package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds pictures: regions of texture (photos, drawings, charts) with no text in them. The image is cut into
 * small cells; a cell is busy when its brightness varies, not counting text and the outlines of boxes and
 * rules. Large, mostly busy clusters of cells are pictures. A flat-colour illustration (a blue sky over a green
 * hill) has few colours, like a coloured bar, but its colour areas are large and meet along curves and slants,
 * where a bar, a panel or a button meets its neighbours along straight lines.
 */
final class PictureFinder {

    private static final int CELL = 8;
    /** Brightness spread (0-255) above which a cell has texture. */
    private static final double BUSY_STD_DEV = 10;
    private static final int MIN_SIDE = 40;
    /** A picture has at least this many distinct colours (in 16 levels a channel); a flat bar has a few. */
    private static final int COLOURS = 48;
    /** A flat illustration: at least two colours, each this share of it, none the page's own. */
    private static final double FLAT_AREA_SHARE = 0.15;
    /** ... and at least this many cells where two of its colours meet along a slant or a curve. */
    private static final int SLANTED_CELLS = 8;
    /** ... and it fills this share of its bounding box (an illustration is a rectangle). */
    private static final double FLAT_FILL = 0.9;

    private final Pixels pixels;
    private final boolean[] structure;
    private final List<Rectangle> text;

    PictureFinder(Pixels pixels, boolean[] structure, List<Rectangle> text) {
        this.pixels = pixels;
        this.structure = structure;
        this.text = text;
    }

    List<Rectangle> find() {
        int w = pixels.width;
        int h = pixels.height;
        boolean[] textMask = new boolean[w * h];
        for (Rectangle t : text) {
            Rectangle r = new Rectangle(t.x - 3, t.y - 3, t.width + 6, t.height + 6).intersection(pixels.bounds());
            for (int y = r.y; y < r.y + r.height; y++) {
                java.util.Arrays.fill(textMask, y * w + r.x, y * w + r.x + r.width, true);
            }
        }
        boolean[] masked = structure.clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] |= textMask[i];
        }
        int cw = (w + CELL - 1) / CELL;
        int ch = (h + CELL - 1) / CELL;
        boolean[] busy = new boolean[cw * ch];
        for (int cy = 0; cy < ch; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                double sum = 0;
                double sumSq = 0;
                int n = 0;
                int total = 0;
                for (int y = cy * CELL; y < Math.min(h, cy * CELL + CELL); y++) {
                    for (int x = cx * CELL; x < Math.min(w, cx * CELL + CELL); x++) {
                        total++;
                        if (masked[y * w + x]) {
                            continue;
                        }
                        double l = luminance(pixels.at(x, y));
                        sum += l;
                        sumSq += l * l;
                        n++;
                    }
                }
                if (n >= total / 2 && n > 0) {
                    double mean = sum / n;
                    busy[cy * cw + cx] = Math.sqrt(Math.max(0, sumSq / n - mean * mean)) > BUSY_STD_DEV;
                }
            }
        }
        boolean[] textured = busy.clone();
        int page = pixels.dominantColour(pixels.bounds());
        growIntoColour(busy, masked, cw, ch, page);
        List<Rectangle> pictures = new ArrayList<>();
        int[] label = new int[busy.length];
        ConnectedRegions.forEach(busy, cw, ch, label, region -> {
            int[] queue = region.cells();
            int tail = region.size();
            int minX = region.bounds().x;
            int minY = region.bounds().y;
            int maxX = minX + region.bounds().width - 1;
            int maxY = minY + region.bounds().height - 1;
            int texturedCells = 0;
            for (int i = 0; i < tail; i++) {
                if (textured[queue[i]]) {
                    texturedCells++;
                }
            }
            int cellsW = maxX - minX + 1;
            int cellsH = maxY - minY + 1;
            double fill = (double) tail / (cellsW * cellsH);
            Rectangle box = new Rectangle(minX * CELL, minY * CELL, cellsW * CELL, cellsH * CELL)
                    .intersection(pixels.bounds());
            // Many colours: a coloured bar with a few busy cells (text edges, icons) is not a picture.
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int i = 0; i < tail && colours.size() < COLOURS; i++) {
                int cell = queue[i];
                for (int y = (cell / cw) * CELL; y < Math.min(h, (cell / cw) * CELL + CELL); y += 2) {
                    for (int x = (cell % cw) * CELL; x < Math.min(w, (cell % cw) * CELL + CELL); x += 2) {
                        if (!masked[y * w + x]) {
                            colours.add(pixels.at(x, y) & 0xf0f0f0);
                        }
                    }
                }
            }
            boolean mostlyTextured = colours.size() >= COLOURS;
            boolean bigEnough = box.width >= MIN_SIDE && box.height >= MIN_SIDE;
            boolean flat = !mostlyTextured && bigEnough && fill >= FLAT_FILL
                    && flatIllustration(queue, tail, textured, masked, textMask, cw, page);
            if (Boolean.getBoolean("sightline.elements.debug") && cellsW * cellsH >= 25) {
                System.err.printf("picture? %s fill=%.2f textured=%d of %d colours=%d flat=%s%n", box, fill,
                        texturedCells, cellsW * cellsH, colours.size(), flat);
            }
            if (bigEnough && fill >= 0.45 && mostlyTextured || flat) {
                pictures.add(box);
            }
        });
        return pictures;
    }

    /**
     * Lets textured regions take in the smooth parts of the same picture (a clear sky above a landscape):
     * neighbouring cells that are not page background join, as long as they are next to texture.
     */
    private void growIntoColour(boolean[] busy, boolean[] masked, int cw, int ch, int page) {
        int w = pixels.width;
        int h = pixels.height;
        boolean[] coloured = new boolean[busy.length];
        for (int cy = 0; cy < ch; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                int x = Math.min(w - 1, cx * CELL + CELL / 2);
                int y = Math.min(h - 1, cy * CELL + CELL / 2);
                coloured[cy * cw + cx] = !masked[y * w + x] && Pixels.distance(pixels.at(x, y), page) > 24;
            }
        }
        int[] queue = new int[busy.length];
        int tail = 0;
        for (int i = 0; i < busy.length; i++) {
            if (busy[i]) {
                queue[tail++] = i;
            }
        }
        int head = 0;
        while (head < tail) {
            int p = queue[head++];
            int px = p % cw;
            int py = p / cw;
            int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            for (int[] d : steps) {
                int nx = px + d[0];
                int ny = py + d[1];
                if (nx >= 0 && nx < cw && ny >= 0 && ny < ch) {
                    int q = ny * cw + nx;
                    if (!busy[q] && coloured[q]) {
                        busy[q] = true;
                        queue[tail++] = q;
                    }
                }
            }
        }
    }

    /**
     * True when the region of {@code cells} is a flat-colour illustration: two or more colours (in 16 levels a
     * channel) each cover a fair share of it, none of them the page's background, and they meet along slants or
     * curves in several textured cells (an edge that is neither level nor upright).
     */
    private boolean flatIllustration(int[] cells, int count, boolean[] textured, boolean[] masked,
                                     boolean[] textMask, int cw, int page) {
        int w = pixels.width;
        int h = pixels.height;
        java.util.Map<Integer, Integer> histogram = new java.util.HashMap<>();
        int samples = 0;
        int slanted = 0;
        for (int i = 0; i < count; i++) {
            int x0 = (cells[i] % cw) * CELL;
            int y0 = (cells[i] / cw) * CELL;
            for (int y = y0; y < Math.min(h, y0 + CELL); y += 2) {
                for (int x = x0; x < Math.min(w, x0 + CELL); x += 2) {
                    if (!masked[y * w + x]) {
                        histogram.merge(pixels.at(x, y) & 0xf0f0f0, 1, Integer::sum);
                        samples++;
                    }
                }
            }
            if (textured[cells[i]] && slantedEdge(x0, y0, textMask)) {
                slanted++;
            }
        }
        if (Boolean.getBoolean("sightline.elements.debug")) {
            System.err.printf("flat? slanted=%d colours=%s of %d%n", slanted, histogram, samples);
        }
        if (slanted < SLANTED_CELLS || samples == 0) {
            return false;
        }
        int large = 0;
        for (java.util.Map.Entry<Integer, Integer> c : histogram.entrySet()) {
            if (c.getValue() >= FLAT_AREA_SHARE * samples) {
                if (Pixels.distance(c.getKey(), page & 0xf0f0f0) <= 24) {
                    return false;
                }
                large++;
            }
        }
        return large >= 2;
    }

    /**
     * True when the cell at ({@code x0}, {@code y0}) holds an edge that runs on a slant: its brightness changes
     * both across and down, where a level or upright edge changes it one way only. Text is left out; the edges
     * that the outline search marked are not, since the edge between two colour areas is often one of them.
     */
    private boolean slantedEdge(int x0, int y0, boolean[] text) {
        int w = pixels.width;
        double across = 0;
        double down = 0;
        for (int y = y0; y < Math.min(pixels.height - 1, y0 + CELL); y++) {
            for (int x = x0; x < Math.min(w - 1, x0 + CELL); x++) {
                if (text[y * w + x]) {
                    continue;
                }
                double l = luminance(pixels.at(x, y));
                across += Math.abs(luminance(pixels.at(x + 1, y)) - l);
                down += Math.abs(luminance(pixels.at(x, y + 1)) - l);
            }
        }
        double strong = Math.max(across, down);
        return strong > 0 && Math.min(across, down) >= 0.2 * strong;
    }

    private static double luminance(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }
}
