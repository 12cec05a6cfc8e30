package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The element detector's output made into boxes, as {@code detector.decode} in
 * {@code vision/scripts/elements-detector} does: per cell of {@link ElementDetectorInput#CELL} pixels a
 * probability per class and four numbers (the centre's offset in the cell, the log of width and height in
 * cells); a cell is a detection of a class when its probability is the largest of its 3x3 neighbourhood and at
 * least the class's threshold. Tested without a model.
 */
final class ElementDetections {

    /** The detector's classes, in the order of its output (the record {@code element-detector.json} names them). */
    enum Kind {
        BUTTON, ICON_BUTTON, FIELD, TOGGLE, ICON, IMAGE
    }

    /** One detection, in page pixels. */
    record Detection(Kind kind, double score, Rectangle box) {

        Detection {
            box = new Rectangle(box);
        }

        @Override
        public Rectangle box() {
            return new Rectangle(box);
        }
    }

    private ElementDetections() {
    }

    /**
     * The detections in {@code heat} ([class][row][column]) and {@code box} ([4][row][column]), moved down by
     * {@code top} page pixels, for rows {@code fromRow} (inclusive) to {@code toRow} (exclusive), best first.
     */
    static List<Detection> decode(float[][][] heat, float[][][] box, float[] thresholds, int top, int fromRow,
                                  int toRow) {
        List<Detection> found = new ArrayList<>();
        int rows = heat[0].length;
        int cols = heat[0][0].length;
        for (int c = 0; c < heat.length; c++) {
            float[][] map = heat[c];
            for (int y = Math.max(0, fromRow); y < Math.min(rows, toRow); y++) {
                for (int x = 0; x < cols; x++) {
                    float v = map[y][x];
                    if (v >= thresholds[c] && isPeak(map, x, y)) {
                        double w = Math.exp(box[2][y][x]) * ElementDetectorInput.CELL;
                        double h = Math.exp(box[3][y][x]) * ElementDetectorInput.CELL;
                        double cx = (x + box[0][y][x]) * ElementDetectorInput.CELL;
                        double cy = (y + box[1][y][x]) * ElementDetectorInput.CELL + top;
                        Rectangle r = new Rectangle((int) Math.round(cx - w / 2), (int) Math.round(cy - h / 2),
                                (int) Math.max(1, Math.round(w)), (int) Math.max(1, Math.round(h)));
                        found.add(new Detection(Kind.values()[c], v, r));
                    }
                }
            }
        }
        found.sort(Comparator.comparingDouble(Detection::score).reversed());
        return found;
    }

    private static boolean isPeak(float[][] map, int x, int y) {
        float v = map[y][x];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int yy = y + dy;
                int xx = x + dx;
                if (yy >= 0 && yy < map.length && xx >= 0 && xx < map[0].length && map[yy][xx] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code found} with the copies of one detection merged into one at their mean place. Where the page is one
     * flat colour (the inside of a wide text field) the network computes the same numbers in neighbouring cells,
     * so each of them equals the largest of its neighbourhood and is a peak: one field came out as six boxes, each
     * a cell to the right of the last. Copies are detections of one kind with exactly the same score and size
     * whose centres are a cell or less apart, one to the next.
     */
    static List<Detection> mergePlateaus(List<Detection> found) {
        List<Detection> merged = new ArrayList<>();
        boolean[] used = new boolean[found.size()];
        for (int i = 0; i < found.size(); i++) {
            if (used[i]) {
                continue;
            }
            used[i] = true;
            List<Detection> copies = new ArrayList<>(List.of(found.get(i)));
            for (int k = 0; k < copies.size(); k++) {
                Detection c = copies.get(k);
                for (int j = i + 1; j < found.size(); j++) {
                    if (!used[j] && copyOf(found.get(j), c)) {
                        used[j] = true;
                        copies.add(found.get(j));
                    }
                }
            }
            Detection first = copies.get(0);
            Rectangle box = first.box();
            box.x = (int) Math.round(copies.stream().mapToInt(d -> d.box.x).average().orElse(box.x));
            box.y = (int) Math.round(copies.stream().mapToInt(d -> d.box.y).average().orElse(box.y));
            merged.add(new Detection(first.kind(), first.score(), box));
        }
        merged.sort(Comparator.comparingDouble(Detection::score).reversed());
        return merged;
    }

    private static boolean copyOf(Detection a, Detection b) {
        return a.kind() == b.kind() && a.score() == b.score() && a.box.width == b.box.width
                && a.box.height == b.box.height && Math.abs(a.box.x - b.box.x) <= ElementDetectorInput.CELL
                && Math.abs(a.box.y - b.box.y) <= ElementDetectorInput.CELL;
    }
}
