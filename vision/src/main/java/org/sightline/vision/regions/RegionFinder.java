package org.sightline.vision.regions;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a screenshot into its regions by the cues a sighted reader uses, given the boxes of its text lines.
 * First a header band and a footer band: a bar of its own background across the page (or across all its text)
 * or a ruled line near the top or bottom, with text on both sides and no line of text crossing it. Then the body
 * between them into columns, cut where a tall pane of its own background begins or ends, where a vertical ruled
 * line runs, or where a white gutter separates columns of text; a cut that many lines cross is no cut. Then each
 * of those columns again at a column's left edge that the lines beside it run into (decision 0034). The widest
 * column is the main content; a side column whose lines are mostly short (link-like) is navigation, any other
 * side column is complementary. Why these cues and this order: docs/decisions/0012-regions.md.
 */
public final class RegionFinder {

    /** A header or footer band lies within this share of the page height (of at most two widths) from its edge. */
    private static final double BAND_ZONE = 0.3;
    /** No header or footer is taller than this many pixels (a bar at 200 % zoom is about 300). */
    private static final int MAX_BAND = 800;
    /** A pane counts as a column when at least this share of the body height (of at most two widths) tall. */
    private static final double TALL_PANE = 0.35;
    /** A background band counts as a header or footer when at least this share of the width wide. */
    private static final double FULL_WIDTH = 0.9;
    /** A column cut may cross at most this share of the body's lines (a heading spanning both columns). */
    private static final double MAX_CROSSING = 0.08;
    /** A line at most this many times as long as it is tall is short: a link, a menu entry, a title. */
    private static final double SHORT_LINE = 16;
    /** A side column is navigation when at least this share of its lines are short. */
    private static final double NAVIGATION_SHORT = 0.6;

    private RegionFinder() {
    }

    /** The regions of {@code image}, whose text lines are {@code lines} (boxes in the image's pixels). */
    public static PageRegions find(BufferedImage image, List<Rectangle> lines) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (lines.isEmpty()) {
            return PageRegions.whole(w, h);
        }
        double lineHeight = median(lines.stream().mapToDouble(r -> r.height).toArray());
        int scale = Math.min(h, 2 * w);
        ColourGrid grid = new ColourGrid(image);
        List<Rectangle> blocks = grid.blocks(8);

        int[] band = bandCuts(image, blocks, lines, scale);
        int top = band[0];
        int bottom = band[1];

        List<Rectangle> body = lines.stream().filter(r -> r.getCenterY() >= top && r.getCenterY() < bottom).toList();
        List<Integer> cuts = columnCuts(image, grid, blocks, body, top, bottom, lineHeight, scale);

        List<int[]> columns = columns(body, cuts, w);
        List<Region> regions = new ArrayList<>();
        if (top > 0) {
            regions.add(new Region(RegionKind.HEADER, new Rectangle(0, 0, w, top), regions.size()));
        }
        int main = mainColumn(body, columns);
        for (int c = 0; c < columns.size(); c++) {
            int[] col = columns.get(c);
            RegionKind kind = c == main ? RegionKind.MAIN
                    : mostlyShort(inColumn(body, col)) ? RegionKind.NAVIGATION : RegionKind.COMPLEMENTARY;
            regions.add(new Region(kind, new Rectangle(col[0], top, col[1] - col[0], bottom - top), regions.size()));
        }
        if (bottom < h) {
            regions.add(new Region(RegionKind.FOOTER, new Rectangle(0, bottom, w, h - bottom), regions.size()));
        }
        return new PageRegions(regions);
    }

    /**
     * Where the header ends and the footer begins, as {top, bottom} (0 and the height when there is none): the
     * first clean cut from the top and the last from the bottom, among the edges of bars of their own
     * background and the horizontal rules near the page's top and bottom.
     */
    private static int[] bandCuts(BufferedImage image, List<Rectangle> blocks, List<Rectangle> lines, int scale) {
        int w = image.getWidth();
        int h = image.getHeight();
        int zone = (int) Math.min(MAX_BAND, BAND_ZONE * scale);
        List<Integer> topCandidates = new ArrayList<>();
        List<Integer> bottomCandidates = new ArrayList<>();
        int textLeft = lines.stream().mapToInt(r -> r.x).min().orElse(0);
        int textRight = lines.stream().mapToInt(r -> r.x + r.width).max().orElse(w);
        int slack = (int) (0.02 * w);
        for (Rectangle b : blocks) {
            // A bar across the page, or across all its text when the page is a centred column.
            boolean across = b.width >= FULL_WIDTH * w || b.x <= textLeft + slack && b.x + b.width >= textRight - slack;
            if (across && b.height <= zone) {
                if (b.y + b.height <= zone) {
                    topCandidates.add(b.y + b.height);
                }
                if (b.y >= h - zone) {
                    bottomCandidates.add(b.y);
                }
            }
        }
        topCandidates.addAll(Separators.horizontal(image, 0, zone));
        bottomCandidates.addAll(Separators.horizontal(image, h - zone, h));
        int top = topCandidates.stream().sorted().filter(y -> cleanRowCut(lines, y, 0, h)).findFirst().orElse(0);
        int bottom = bottomCandidates.stream().sorted((a, b) -> Integer.compare(b, a))
                .filter(y -> y > top && cleanRowCut(lines, y, top, h)).findFirst().orElse(h);
        return new int[] {top, bottom};
    }

    /** Whether a band cut at row {@code y} has text on both sides within [from, to) and no line across it. */
    private static boolean cleanRowCut(List<Rectangle> lines, int y, int from, int to) {
        boolean above = false;
        boolean below = false;
        for (Rectangle r : lines) {
            double cy = r.getCenterY();
            if (cy < from || cy >= to) {
                continue;
            }
            if (r.y < y && r.y + r.height > y) {
                return false;
            }
            above |= cy < y;
            below |= cy >= y;
        }
        return above && below;
    }

    /** Where the body is cut into columns, left to right. */
    private static List<Integer> columnCuts(BufferedImage image, ColourGrid grid, List<Rectangle> blocks,
                                            List<Rectangle> body, int top, int bottom, double lineHeight,
                                            int scale) {
        int w = image.getWidth();
        int tall = (int) (TALL_PANE * Math.min(bottom - top, scale));
        List<Integer> candidates = new ArrayList<>();
        for (Rectangle b : blocks) {
            int inBody = Math.min(b.y + b.height, bottom) - Math.max(b.y, top);
            if (inBody >= tall && b.width < FULL_WIDTH * w) {
                candidates.add(b.x);
                candidates.add(b.x + b.width);
            }
        }
        for (Separators.Vertical v : Separators.vertical(image, tall)) {
            if (Math.min(v.bottom(), bottom) - Math.max(v.top(), top) >= tall) {
                candidates.add(v.x());
            }
        }
        candidates.addAll(Gutters.find(body, w, lineHeight));
        int margin = Math.max(2 * grid.cell, (int) (0.02 * w));
        int minSpacing = (int) Math.max(24, 2 * lineHeight);
        List<Integer> cuts = cuts(body, candidates, List.of(), w, margin, minSpacing);
        // Then, within each column those cuts leave, a left edge that the lines beside it run into (a sidebar's
        // long entries drawn into the content). It is crossed by those lines, as many as the edge test allowed:
        // the share of crossing lines a cut elsewhere may have does not apply to it.
        List<Integer> edges = new ArrayList<>();
        for (int c = 0; c <= cuts.size(); c++) {
            int from = c == 0 ? 0 : cuts.get(c - 1);
            int to = c < cuts.size() ? cuts.get(c) : w;
            List<Rectangle> inside = body.stream().filter(r -> r.getCenterX() >= from && r.getCenterX() < to).toList();
            edges.addAll(Gutters.sharedLeftEdges(inside, lineHeight));
        }
        if (edges.isEmpty()) {
            return cuts;
        }
        candidates.addAll(edges);
        return cuts(body, candidates, edges, w, margin, minSpacing);
    }

    /** The candidates that make clean cuts, left to right, one of each pair closer than {@code minSpacing}. */
    private static List<Integer> cuts(List<Rectangle> body, List<Integer> candidates, List<Integer> edges, int w,
                                      int margin, int minSpacing) {
        List<Integer> sorted = new ArrayList<>(candidates);
        sorted.sort(Integer::compare);
        List<Integer> cuts = new ArrayList<>();
        for (int x : sorted) {
            if (x <= margin || x >= w - margin || !cleanColumnCut(body, x, edges.contains(x) ? 1 : MAX_CROSSING)) {
                continue;
            }
            if (!cuts.isEmpty() && x - cuts.get(cuts.size() - 1) < minSpacing) {
                continue; // the pane edge and the gutter beside it are one cut
            }
            cuts.add(x);
        }
        return cuts;
    }

    /**
     * Whether few body lines (at most the share {@code maxCrossing} of them) cross column {@code x}, text lies on
     * both sides of it, and the two sides are not the columns of one table (a ruled table has lines between its
     * columns too).
     */
    private static boolean cleanColumnCut(List<Rectangle> body, int x, double maxCrossing) {
        int crossing = 0;
        List<Rectangle> left = new ArrayList<>();
        List<Rectangle> right = new ArrayList<>();
        for (Rectangle r : body) {
            if (r.x < x && r.x + r.width > x) {
                crossing++;
            } else if (r.x + r.width <= x) {
                left.add(r);
            } else {
                right.add(r);
            }
        }
        return crossing <= maxCrossing * body.size() && left.size() >= 2 && right.size() >= 2
                && !Gutters.tableRows(left, right);
    }

    /**
     * The columns between the cuts as {start, end} in x, spanning the page's width; a column without text joins
     * the one to its left (or right, at the left edge).
     */
    private static List<int[]> columns(List<Rectangle> body, List<Integer> cuts, int width) {
        List<int[]> columns = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            int end = i < cuts.size() ? cuts.get(i) : width;
            columns.add(new int[] {start, end});
            start = end;
        }
        List<int[]> kept = new ArrayList<>();
        int[] pendingEmpty = null;
        for (int[] col : columns) {
            if (inColumn(body, col).isEmpty()) {
                if (!kept.isEmpty()) {
                    kept.get(kept.size() - 1)[1] = col[1];
                } else {
                    pendingEmpty = pendingEmpty == null ? col : new int[] {pendingEmpty[0], col[1]};
                }
                continue;
            }
            if (pendingEmpty != null) {
                col = new int[] {pendingEmpty[0], col[1]};
                pendingEmpty = null;
            }
            kept.add(col);
        }
        if (kept.isEmpty()) {
            kept.add(new int[] {0, width});
        }
        return kept;
    }

    private static List<Rectangle> inColumn(List<Rectangle> body, int[] col) {
        return body.stream().filter(r -> r.getCenterX() >= col[0] && r.getCenterX() < col[1]).toList();
    }

    /** The column whose text spans the widest, the main content; with ties, the one with more lines. */
    private static int mainColumn(List<Rectangle> body, List<int[]> columns) {
        int best = 0;
        long bestScore = -1;
        for (int c = 0; c < columns.size(); c++) {
            List<Rectangle> in = inColumn(body, columns.get(c));
            int left = in.stream().mapToInt(r -> r.x).min().orElse(0);
            int right = in.stream().mapToInt(r -> r.x + r.width).max().orElse(0);
            long score = (long) Math.max(0, right - left) * 100_000 + in.size();
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static boolean mostlyShort(List<Rectangle> lines) {
        long shortLines = lines.stream().filter(r -> r.width <= SHORT_LINE * r.height).count();
        return !lines.isEmpty() && shortLines >= NAVIGATION_SHORT * lines.size();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
