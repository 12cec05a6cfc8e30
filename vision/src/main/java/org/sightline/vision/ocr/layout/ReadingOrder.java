package org.sightline.vision.ocr.layout;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders text boxes the way a person reads a page, by recursive cuts through the white space between them
 * (an XY-cut): at each level the widest empty band wins, so a gutter between columns is cut before the
 * narrow gaps between lines, and columns are read one after the other. A region that is a table (rows of
 * short cells lined up across the cut) is cut into rows instead, so a row is read left to right. A region
 * whose only gaps are ordinary line spacing is a block; its boxes are grouped into rows.
 */
public final class ReadingOrder {

    /** A horizontal gap narrower than this many median box heights never separates blocks. */
    private static final double BLOCK_GAP = 0.3;
    /** A horizontal gap at least this many median box heights always separates blocks. */
    private static final double BIG_GAP = 1.2;
    /** A vertical gap narrower than this many median box heights is word spacing, not a column gutter. */
    private static final double MIN_GUTTER = 0.6;

    /** A line at least this many times as long as it is tall holds running text, not a table cell. */
    private static final double PROSE_LINE_LENGTH = 8;

    private ReadingOrder() {
    }

    public static PageLayout of(List<Rectangle> boxes) {
        List<List<List<Integer>>> blocks = new ArrayList<>();
        if (boxes.isEmpty()) {
            return new PageLayout(blocks);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            all.add(i);
        }
        double medianHeight = median(all.stream().mapToDouble(i -> boxes.get(i).height).toArray());
        cut(boxes, all, Math.max(1, medianHeight), blocks);
        return new PageLayout(blocks);
    }

    private static void cut(List<Rectangle> boxes, List<Integer> items, double medianH,
                            List<List<List<Integer>>> out) {
        if (items.size() == 1) {
            out.add(List.of(List.of(items.get(0))));
            return;
        }
        List<int[]> hGaps = gaps(boxes, items, false);
        List<int[]> vGaps = gaps(boxes, items, true).stream()
                .filter(g -> g[1] - g[0] >= MIN_GUTTER * medianH).toList();
        int maxH = hGaps.stream().mapToInt(g -> g[1] - g[0]).max().orElse(-1);
        int maxV = vGaps.stream().mapToInt(g -> g[1] - g[0]).max().orElse(-1);

        if (maxV > 0 && maxV >= maxH) {
            List<List<Integer>> columns = split(boxes, items, vGaps, true);
            if (hGaps.isEmpty() || !isTable(boxes, columns)) {
                for (List<Integer> c : columns) {
                    cut(boxes, c, medianH, out);
                }
                return;
            }
            // A table: read it row by row.
            for (List<Integer> band : split(boxes, items, hGaps, false)) {
                cut(boxes, band, medianH, out);
            }
            return;
        }
        double blockGap = blockGap(boxes, items, hGaps, medianH);
        if (maxH >= blockGap) {
            List<int[]> big = hGaps.stream().filter(g -> g[1] - g[0] >= blockGap).toList();
            for (List<Integer> band : split(boxes, items, big, false)) {
                cut(boxes, band, medianH, out);
            }
            return;
        }
        out.add(rows(boxes, items));
    }

    /**
     * The smallest gap between rows that separates blocks here: clearly wider than the line spacing of the
     * region (its narrowest gap, or none when rows touch), and never below a share of the text height.
     */
    private static double blockGap(List<Rectangle> boxes, List<Integer> items, List<int[]> hGaps, double medianH) {
        if (hGaps.isEmpty()) {
            return Double.MAX_VALUE;
        }
        int rowCount = rows(boxes, items).size();
        int lineGap = hGaps.stream().mapToInt(g -> g[1] - g[0]).min().orElse(0);
        if (hGaps.size() < rowCount - 1) {
            lineGap = 0;
        }
        return Math.min(BIG_GAP * medianH, Math.max(BLOCK_GAP * medianH, 1.5 * lineGap + 2));
    }

    /** Empty bands between the boxes' projections on x ({@code vertical}) or y, as [start, end) pairs. */
    private static List<int[]> gaps(List<Rectangle> boxes, List<Integer> items, boolean vertical) {
        int[][] spans = new int[items.size()][];
        for (int k = 0; k < items.size(); k++) {
            Rectangle r = boxes.get(items.get(k));
            spans[k] = vertical ? new int[] {r.x, r.x + r.width} : new int[] {r.y, r.y + r.height};
        }
        Arrays.sort(spans, Comparator.comparingInt(s -> s[0]));
        List<int[]> out = new ArrayList<>();
        int reach = spans[0][1];
        for (int k = 1; k < spans.length; k++) {
            if (spans[k][0] > reach) {
                out.add(new int[] {reach, spans[k][0]});
            }
            reach = Math.max(reach, spans[k][1]);
        }
        return out;
    }

    /** Splits items at the given gaps, in increasing coordinate order. */
    private static List<List<Integer>> split(List<Rectangle> boxes, List<Integer> items, List<int[]> cuts,
                                             boolean vertical) {
        List<List<Integer>> parts = new ArrayList<>();
        for (int k = 0; k <= cuts.size(); k++) {
            parts.add(new ArrayList<>());
        }
        for (int i : items) {
            Rectangle r = boxes.get(i);
            int start = vertical ? r.x : r.y;
            int part = 0;
            while (part < cuts.size() && start >= cuts.get(part)[1]) {
                part++;
            }
            parts.get(part).add(i);
        }
        parts.removeIf(List::isEmpty);
        return parts;
    }

    /**
     * Whether columns side by side are a table: their boxes line up in rows and no column is running text
     * (running text fills its column's width line after line).
     */
    private static boolean isTable(List<Rectangle> boxes, List<List<Integer>> columns) {
        int aligned = 0;
        int total = 0;
        for (int c = 0; c < columns.size(); c++) {
            if (isProse(boxes, columns.get(c))) {
                return false;
            }
            for (int i : columns.get(c)) {
                total++;
                if (hasRowPartner(boxes, i, columns, c)) {
                    aligned++;
                }
            }
        }
        return total >= 4 && aligned >= 0.6 * total;
    }

    private static boolean hasRowPartner(List<Rectangle> boxes, int i, List<List<Integer>> columns, int own) {
        Rectangle a = boxes.get(i);
        for (int c = 0; c < columns.size(); c++) {
            if (c == own) {
                continue;
            }
            for (int j : columns.get(c)) {
                Rectangle b = boxes.get(j);
                int overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
                if (overlap >= 0.5 * Math.min(a.height, b.height)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isProse(List<Rectangle> boxes, List<Integer> column) {
        if (column.size() < 3) {
            return false;
        }
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        for (int i : column) {
            Rectangle r = boxes.get(i);
            left = Math.min(left, r.x);
            right = Math.max(right, r.x + r.width);
        }
        int width = right - left;
        // Running text: lines that fill the column and hold many words (long for their height).
        long full = column.stream().map(boxes::get)
                .filter(r -> r.width >= 0.6 * width && r.width >= PROSE_LINE_LENGTH * r.height).count();
        return full >= 0.5 * column.size();
    }

    /** Groups a block's boxes into rows by vertical overlap, each row left to right, rows top to bottom. */
    static List<List<Integer>> rows(List<Rectangle> boxes, List<Integer> items) {
        List<Integer> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(i -> boxes.get(i).getCenterY()));
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        double rowTop = 0;
        double rowBottom = 0;
        for (int i : sorted) {
            Rectangle r = boxes.get(i);
            double cy = r.getCenterY();
            boolean sameRow = !current.isEmpty() && cy > rowTop && cy < rowBottom
                    && Math.abs(cy - (rowTop + rowBottom) / 2) < 0.35 * Math.max(r.height, rowBottom - rowTop);
            if (!sameRow && !current.isEmpty()) {
                rows.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                rowTop = r.y;
                rowBottom = r.y + r.height;
            } else {
                rowTop = Math.min(rowTop, r.y);
                rowBottom = Math.max(rowBottom, r.y + r.height);
            }
            current.add(i);
        }
        if (!current.isEmpty()) {
            rows.add(current);
        }
        for (List<Integer> row : rows) {
            row.sort(Comparator.comparingInt(i -> boxes.get(i).x));
        }
        return rows;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }
}
