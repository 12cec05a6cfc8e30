package org.sightline.vision.regions;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * White gutters between columns of text, from the text line boxes alone: a tall vertical strip that no line
 * crosses, with lines on both sides of it. A table's columns also leave such strips; they are told apart by
 * their rows, which line up across the strip on both sides (two columns of prose set in the same type on
 * the same baselines would look like a table too; pages rarely do that, listings and tables often).
 */
final class Gutters {

    /** Strips are measured in steps of this many pixels. */
    private static final int STEP = 4;
    /** A gutter runs at least this share of the height the text spans. */
    private static final double MIN_HEIGHT_SHARE = 0.5;
    /** Lines needed on each side of a gutter. */
    private static final int MIN_LINES_EACH_SIDE = 3;
    /** When this share of the lines beside a gutter have a partner across it on the same row, it is a table. */
    private static final double TABLE_ROWS = 0.8;
    /**
     * A white strip is also a table's when most lines on one side (0.85) have a partner across it and most on the
     * other (0.65) do: an index's entries beside their sections, with each group's letter alone on one side, or a
     * general index's two lists whose wrapped entries put some rows out of step.
     */
    private static final double ONE_SIDE_ROWS = 0.85;
    private static final double OTHER_SIDE_ROWS = 0.65;

    /** Lines whose left ends lie within this many pixels of each other share a left edge. */
    private static final int EDGE_SLACK = 3;
    /** A shared left edge needs this many lines starting at it, and as many lines of text wholly left of it. */
    private static final int EDGE_MIN_LINES = 8;
    /** A line of text, not a bullet or a number: at least this many times as long as a line is tall. */
    private static final double EDGE_TEXT_LENGTH = 3;
    /** Lines running across a shared left edge from the left number at most this share of those left of it. */
    private static final double EDGE_ACROSS = 0.5;
    /** A shared left edge is a table's or an index's when this share of the lines on either side line up across. */
    private static final double EDGE_ROWS = 0.6;

    private Gutters() {
    }

    /** Where a gutter is: the middle of the empty strip, in image pixels. */
    static List<Integer> find(List<Rectangle> lines, int width, double lineHeight) {
        if (lines.size() < 2 * MIN_LINES_EACH_SIDE) {
            return List.of();
        }
        int top = lines.stream().mapToInt(r -> r.y).min().orElse(0);
        int bottom = lines.stream().mapToInt(r -> r.y + r.height).max().orElse(0);
        int minHeight = (int) Math.max(10 * lineHeight, MIN_HEIGHT_SHARE * (bottom - top));
        int minWidth = (int) Math.max(12, 1.2 * lineHeight);
        int steps = (width + STEP - 1) / STEP;
        int[][] free = new int[steps][];
        for (int s = 0; s < steps; s++) {
            free[s] = longestFree(lines, s * STEP, s * STEP + STEP, top, bottom);
        }
        // Runs of steps each empty for long enough; in each, the cut goes through its tallest empty part.
        List<Integer> gutters = new ArrayList<>();
        int s = 0;
        while (s < steps) {
            if (free[s][1] - free[s][0] < minHeight) {
                s++;
                continue;
            }
            int first = s;
            while (s + 1 < steps && free[s + 1][1] - free[s + 1][0] >= minHeight) {
                s++;
            }
            if ((s + 1 - first) * STEP >= minWidth) {
                // The run may hold a page margin as well as the gutter (a short sidebar leaves the space below
                // it empty): its parts are tried tallest first, and the first with text on both sides is the cut.
                // A part whose two sides are a table's columns makes the whole run the table's: a shorter part
                // beside it (where fewer rows have a partner across) is the same space between the same columns.
                for (int[] part : parts(free, first, s)) {
                    int x0 = part[0] * STEP;
                    int x1 = (part[1] + 1) * STEP;
                    int[] span = free[part[0]];
                    Strip strip = strip(lines, x0, x1, span[0], span[1]);
                    if (strip == Strip.COLUMNS) {
                        gutters.add((x0 + x1) / 2);
                    }
                    if (strip != Strip.TOO_FEW_LINES) {
                        break;
                    }
                }
            }
            s++;
        }
        return gutters;
    }

    /**
     * The parts of the run [first, last] where the empty stretch stays the same, as {first, last} steps, the
     * tallest first (the widest among equals): a gutter widens where a heading of one column ends early, and a
     * cut through the widened part would cross that heading.
     */
    private static List<int[]> parts(int[][] free, int first, int last) {
        List<int[]> parts = new ArrayList<>();
        int from = first;
        for (int s = first + 1; s <= last + 1; s++) {
            if (s > last || !java.util.Arrays.equals(free[s], free[from])) {
                parts.add(new int[] {from, s - 1});
                from = s;
            }
        }
        parts.sort((a, b) -> {
            int byHeight = Integer.compare(height(free[b[0]]), height(free[a[0]]));
            return byHeight != 0 ? byHeight : Integer.compare(b[1] - b[0], a[1] - a[0]);
        });
        return parts;
    }

    private static int height(int[] span) {
        return span[1] - span[0];
    }

    /** The longest stretch of [top, bottom) that no line crossing [x0, x1) covers, as {start, end}. */
    private static int[] longestFree(List<Rectangle> lines, int x0, int x1, int top, int bottom) {
        List<int[]> covered = new ArrayList<>();
        for (Rectangle r : lines) {
            if (r.x < x1 && r.x + r.width > x0) {
                covered.add(new int[] {r.y, r.y + r.height});
            }
        }
        covered.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] best = {top, top};
        int reach = top;
        for (int[] c : covered) {
            if (c[0] - reach > best[1] - best[0]) {
                best = new int[] {reach, c[0]};
            }
            reach = Math.max(reach, c[1]);
        }
        if (bottom - reach > best[1] - best[0]) {
            best = new int[] {reach, bottom};
        }
        return best;
    }

    /** What an empty strip lies between. */
    private enum Strip { COLUMNS, TABLE, TOO_FEW_LINES }

    /**
     * Whether the strip has enough lines on both sides within its height, and whether those line up in table rows
     * (a table's columns) or not (columns of a page).
     */
    private static Strip strip(List<Rectangle> lines, int x0, int x1, int y0, int y1) {
        List<Rectangle> left = new ArrayList<>();
        List<Rectangle> right = new ArrayList<>();
        for (Rectangle r : lines) {
            double cy = r.getCenterY();
            if (cy < y0 || cy > y1) {
                continue;
            }
            if (r.x + r.width <= x0) {
                left.add(r);
            } else if (r.x >= x1) {
                right.add(r);
            }
        }
        if (left.size() < MIN_LINES_EACH_SIDE || right.size() < MIN_LINES_EACH_SIDE) {
            return Strip.TOO_FEW_LINES;
        }
        double leftPaired = Rows.centredShare(left, right);
        double rightPaired = Rows.centredShare(right, left);
        boolean table = Math.min(leftPaired, rightPaired) >= TABLE_ROWS
                || Math.max(leftPaired, rightPaired) >= ONE_SIDE_ROWS
                && Math.min(leftPaired, rightPaired) >= OTHER_SIDE_ROWS;
        return table ? Strip.TABLE : Strip.COLUMNS;
    }

    /**
     * Where a column begins whose gutter the column to its left runs into: many lines start at one x (a column's
     * left edge), many lines of text lie wholly to its left, and few lines run across it from the left (a
     * sidebar's long entries drawn past the sidebar into the content, which leave no white strip to find), and
     * the rows of the two sides do not line up (a table's, an index's columns). The cut is just left of that edge.
     */
    static List<Integer> sharedLeftEdges(List<Rectangle> lines, double lineHeight) {
        List<Integer> starts = lines.stream().map(r -> r.x).sorted().toList();
        List<Integer> edges = new ArrayList<>();
        int k = 0;
        while (k < starts.size()) {
            int end = k;
            while (end + 1 < starts.size() && starts.get(end + 1) - starts.get(end) <= EDGE_SLACK) {
                end++;
            }
            int edge = starts.get(k);
            if (end + 1 - k >= EDGE_MIN_LINES) {
                long left = lines.stream()
                        .filter(r -> r.x + r.width <= edge && r.width >= EDGE_TEXT_LENGTH * lineHeight).count();
                long across = lines.stream().filter(r -> r.x < edge - EDGE_SLACK && r.x + r.width > edge).count();
                if (left >= EDGE_MIN_LINES && across <= EDGE_ACROSS * left && !rowsAcross(lines, edge)) {
                    edges.add(edge - 1);
                }
            }
            k = end + 1;
        }
        return edges;
    }

    /**
     * Whether many lines on either side of a left edge ({@link #EDGE_ROWS} of them) have a line centred on their row
     * across it: a table's or an index's columns, whose rows line up. A sidebar beside the content lines up with it
     * only here and there.
     */
    private static boolean rowsAcross(List<Rectangle> lines, int edge) {
        List<Rectangle> left = lines.stream().filter(r -> r.x + r.width < edge).toList();
        List<Rectangle> right = lines.stream().filter(r -> r.x >= edge).toList();
        return Math.max(Rows.centredShare(left, right), Rows.centredShare(right, left)) >= EDGE_ROWS;
    }

    /** Whether the lines on the two sides of a cut line up row by row, as a table's cells do. */
    static boolean tableRows(List<Rectangle> left, List<Rectangle> right) {
        return !left.isEmpty() && !right.isEmpty()
                && Rows.centredShare(left, right) >= TABLE_ROWS && Rows.centredShare(right, left) >= TABLE_ROWS;
    }
}
