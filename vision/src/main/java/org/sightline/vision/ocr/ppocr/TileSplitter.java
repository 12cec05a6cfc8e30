package org.sightline.vision.ocr.ppocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a large image into overlapping tiles for detection at native resolution, instead of shrinking the
 * page until small screen text disappears. Each tile has a core; the cores cover the image exactly once, and
 * the margin around a core gives the model context so text cut by a tile edge is still seen whole.
 */
final class TileSplitter {

    /** A tile to run the model on ({@code area}) and the part of its output to keep ({@code core}). */
    record Tile(Rectangle area, Rectangle core) {

        /** The same tile moved by {@code (dx, dy)}. */
        Tile translated(int dx, int dy) {
            Rectangle a = new Rectangle(area);
            Rectangle c = new Rectangle(core);
            a.translate(dx, dy);
            c.translate(dx, dy);
            return new Tile(a, c);
        }
    }

    private final int maxSide;
    private final int margin;

    /**
     * @param maxSide tiles are at most this many pixels on each side (a multiple of 32)
     * @param margin  context kept around each core
     */
    TileSplitter(int maxSide, int margin) {
        if (maxSide <= 2 * margin) {
            throw new IllegalArgumentException("tile side must exceed twice the margin");
        }
        this.maxSide = maxSide;
        this.margin = margin;
    }

    List<Tile> split(int width, int height) {
        List<Tile> tiles = new ArrayList<>();
        int[][] xs = spans(width);
        int[][] ys = spans(height);
        for (int[] y : ys) {
            for (int[] x : xs) {
                Rectangle core = new Rectangle(x[0], y[0], x[1] - x[0], y[1] - y[0]);
                int ax0 = Math.max(0, x[0] - margin);
                int ay0 = Math.max(0, y[0] - margin);
                int ax1 = Math.min(width, x[1] + margin);
                int ay1 = Math.min(height, y[1] + margin);
                tiles.add(new Tile(new Rectangle(ax0, ay0, ax1 - ax0, ay1 - ay0), core));
            }
        }
        return tiles;
    }

    /** Core intervals along one side: one when it fits in a tile, else equal parts that fit with margins. */
    private int[][] spans(int length) {
        if (length <= maxSide) {
            return new int[][] {{0, length}};
        }
        int usable = maxSide - 2 * margin;
        int parts = (int) Math.ceil((double) length / usable);
        int[][] out = new int[parts][];
        for (int i = 0; i < parts; i++) {
            int a = (int) ((long) length * i / parts);
            int b = (int) ((long) length * (i + 1) / parts);
            out[i] = new int[] {a, b};
        }
        return out;
    }
}
