package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds pictures: regions of texture (photos, drawings, charts) with no text in them. The image is cut into
 * small cells; a cell is busy when its brightness varies, not counting text and the outlines of boxes and
 * rules. Large, mostly busy clusters of cells are pictures.
 */
final class PictureFinder {

    private static final int CELL = 8;
    /** Brightness spread (0-255) above which a cell has texture. */
    private static final double BUSY_STD_DEV = 10;
    private static final int MIN_SIDE = 40;
    /** A picture has at least this many distinct colours (in 16 levels a channel); a flat bar has a few. */
    private static final int COLOURS = 48;

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
        boolean[] masked = structure.clone();
        for (Rectangle t : text) {
            Rectangle r = new Rectangle(t.x - 3, t.y - 3, t.width + 6, t.height + 6).intersection(pixels.bounds());
            for (int y = r.y; y < r.y + r.height; y++) {
                java.util.Arrays.fill(masked, y * w + r.x, y * w + r.x + r.width, true);
            }
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
        growIntoColour(busy, masked, cw, ch);
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
            if (Boolean.getBoolean("sightline.elements.debug") && cellsW * cellsH >= 25) {
                System.err.printf("picture? %s fill=%.2f textured=%d of %d colours=%d%n", box, fill, texturedCells,
                        cellsW * cellsH, colours.size());
            }
            if (box.width >= MIN_SIDE && box.height >= MIN_SIDE && fill >= 0.45 && mostlyTextured) {
                pictures.add(box);
            }
        });
        return pictures;
    }

    /**
     * Lets textured regions take in the smooth parts of the same picture (a clear sky above a landscape):
     * neighbouring cells that are not page background join, as long as they are next to texture.
     */
    private void growIntoColour(boolean[] busy, boolean[] masked, int cw, int ch) {
        int w = pixels.width;
        int h = pixels.height;
        int page = pixels.dominantColour(pixels.bounds());
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

    private static double luminance(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }
}
