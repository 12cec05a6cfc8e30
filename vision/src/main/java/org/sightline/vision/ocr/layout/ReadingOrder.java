package org.sightline.vision.ocr.layout;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.Rows;

/**
 * Orders text boxes the way a person reads a page, by recursive cuts through the white space between them
 * (an XY-cut): at each level the widest empty band wins, so a gutter between columns is cut before the
 * narrow gaps between lines, and columns are read one after the other. A region that is a table (rows of
 * short cells lined up across the cut) is cut into rows instead, so a row is read left to right. A region
 * whose only gaps are ordinary line spacing is a block; its boxes are grouped into rows. Given the page's
 * regions, each region is read whole, in the regions' order, before the next: a sidebar and the content beside
 * it are never interleaved, even where the white space between them is too narrow or too broken to cut.
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
    /** Fewer lines than this in a column cannot show that it is running text. */
    private static final int PROSE_MIN_LINES = 3;
    /** A line of running text fills at least this share of its column's width. */
    private static final double PROSE_FILL = 0.6;
    /**
     * Columns are a table, unless all are prose, when nearly every line of one column (this share) has a partner
     * centred on its row across, and most lines of every other column (the next share) do: a group's heading may
     * stand alone in the first column.
     */
    private static final double STRICT_ROWS = 0.95;
    private static final double STRICT_ROWS_OTHERS = 0.6;
    /** A line that heads every column stands at least this many median line heights below the line above it. */
    private static final double HEADING_GAP = 0.8;
    /** ... and the other columns are empty this many median line heights above and below it ... */
    private static final double HEADING_MARGIN = 0.5;
    /** ... and under it the columns' first lines start within this many median line heights of each other. */
    private static final double SAME_START = 0.3;

    private ReadingOrder() {
    }

    /** The reading order of boxes on a page that is not divided into regions. */
    public static PageLayout of(List<Rectangle> boxes) {
        List<List<List<Integer>>> blocks = new ArrayList<>();
        if (boxes.isEmpty()) {
            return new PageLayout(blocks);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            all.add(i);
        }
        cut(boxes, all, medianHeight(boxes), blocks);
        return new PageLayout(blocks);
    }

    /** The reading order of boxes region by region: each box belongs to the region holding its centre. */
    public static PageLayout of(List<Rectangle> boxes, PageRegions regions) {
        List<List<Integer>> perRegion = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            perRegion.add(new ArrayList<>());
        }
        for (int i = 0; i < boxes.size(); i++) {
            perRegion.get(regions.of(boxes.get(i)).index()).add(i);
        }
        double medianHeight = boxes.isEmpty() ? 1 : medianHeight(boxes);
        List<List<List<Integer>>> blocks = new ArrayList<>();
        List<Integer> blockRegions = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            if (perRegion.get(r).isEmpty()) {
                continue;
            }
            cut(boxes, perRegion.get(r), medianHeight, blocks);
            while (blockRegions.size() < blocks.size()) {
                blockRegions.add(r);
            }
        }
        return new PageLayout(blocks, blockRegions);
    }

    private static double medianHeight(List<Rectangle> boxes) {
        return Math.max(1, median(boxes.stream().mapToDouble(b -> b.height).toArray()));
    }

    private static void cut(List<Rectangle> boxes, List<Integer> items, double medianH,
                            List<List<List<Integer>>> out) {
        if (items.size() == 1) {
            out.add(List.of(List.of(items.get(0))));
            return;
        }
        List<int[]> hGaps = gaps(boxes, items, false);
        // A bar across the top or bottom (navigation, header, footer) set apart by a wide gap is read on its
        // own first, so a gap between its items that happens to line up with a column gutter does not split it.
        List<List<Integer>> peeled = peelBars(boxes, items, hGaps, medianH);
        if (peeled != null) {
            for (List<Integer> part : peeled) {
                cut(boxes, part, medianH, out);
            }
            return;
        }
        // Columns first: a gutter running the full height of the region.
        List<int[]> vGaps = gutters(boxes, items, medianH);
        List<List<Integer>> columns = columns(boxes, items, vGaps);
        if (columns.size() > 1) {
            List<List<Integer>> groups = headedGroups(boxes, columns, medianH);
            if (groups.size() > 1) {
                for (List<Integer> group : groups) {
                    cut(boxes, group, medianH, out);
                }
                return;
            }
            // Whether it is a table is judged on the columns as the gutters cut them, lone lines left out: a lone
            // line joined to the column beside it would widen that column and hide that it is running text.
            List<List<Integer>> cells = split(boxes, items, vGaps, true).stream().filter(c -> c.size() > 1).toList();
            if (isTable(boxes, cells)) {
                out.add(rows(boxes, items));
                return;
            }
            for (List<Integer> c : columns) {
                cut(boxes, c, medianH, out);
            }
            return;
        }
        if (hGaps.isEmpty()) {
            out.add(rows(boxes, items));
            return;
        }
        // Sections: runs of bands that share a gutter (a column layout) or have none (full width).
        List<List<Integer>> bands = split(boxes, items, hGaps, false);
        List<List<Integer>> sections = sections(boxes, bands, medianH);
        if (sections.size() > 1) {
            for (List<Integer> section : sections) {
                cut(boxes, section, medianH, out);
            }
            return;
        }
        double blockGap = blockGap(boxes, items, hGaps, medianH);
        List<int[]> big = hGaps.stream().filter(g -> g[1] - g[0] >= blockGap).toList();
        if (!big.isEmpty()) {
            for (List<Integer> band : split(boxes, items, big, false)) {
                cut(boxes, band, medianH, out);
            }
            return;
        }
        out.add(rows(boxes, items));
    }

    /**
     * The items split at the gutters into columns, left to right. A "column" of one line (a link bar at the top
     * right, a table's value beside its label) is not a column: the gutter beside it is dropped, so the line is
     * read with the rows it stands among rather than after everything beside it.
     */
    private static List<List<Integer>> columns(List<Rectangle> boxes, List<Integer> items, List<int[]> gutters) {
        List<int[]> kept = new ArrayList<>(gutters);
        while (!kept.isEmpty()) {
            List<List<Integer>> columns = split(boxes, items, kept, true);
            int lone = -1;
            for (int c = 0; c < columns.size() && lone < 0; c++) {
                lone = columns.get(c).size() == 1 ? c : -1;
            }
            if (lone < 0) {
                return columns;
            }
            // The gutter to its left, or to its right when it is the first column.
            kept.remove(lone == 0 ? 0 : lone - 1);
        }
        return List.of(items);
    }

    /**
     * The columns cut into groups above each line of the first column that heads all of them: a line alone on
     * its row, set apart from the line above it (further than the column's lines usually are), with every other
     * column empty beside it and holding lines above it, and under it every column starting on one row (an
     * index's letter over its entries in two columns, which read group by group, not column by column down the
     * page; a sidebar's heading beside a gap in the content has the content going on at another height). One
     * group, all of the columns' lines, when there is no such line.
     */
    private static List<List<Integer>> headedGroups(List<Rectangle> boxes, List<List<Integer>> columns,
                                                    double medianH) {
        List<Integer> first = new ArrayList<>(columns.get(0));
        first.sort(Comparator.comparingInt(i -> boxes.get(i).y));
        List<Rectangle> others = columns.subList(1, columns.size()).stream().flatMap(List::stream)
                .map(boxes::get).toList();
        double margin = HEADING_MARGIN * medianH;
        // Set apart: further from the line above than the column's lines usually are from each other.
        List<Double> spacing = new ArrayList<>();
        for (int k = 1; k < first.size(); k++) {
            Rectangle a = boxes.get(first.get(k - 1));
            spacing.add((double) boxes.get(first.get(k)).y - a.y - a.height);
        }
        double apartBy = Math.max(HEADING_GAP * medianH,
                2 * median(spacing.stream().mapToDouble(Double::doubleValue).toArray()));
        List<Integer> cuts = new ArrayList<>();
        int bottomAbove = Integer.MIN_VALUE;
        for (int i : first) {
            Rectangle h = boxes.get(i);
            boolean apart = h.y - bottomAbove >= apartBy;
            bottomAbove = Math.max(bottomAbove, h.y + h.height);
            if (!apart || first.stream().anyMatch(j -> j != i && Rows.overlapping(h, boxes.get(j)))) {
                continue;
            }
            boolean besideEmpty = others.stream()
                    .noneMatch(o -> o.y < h.y + h.height + margin && o.y + o.height > h.y - margin);
            boolean above = others.stream().anyMatch(o -> o.y + o.height <= h.y);
            // Under it, every column starts on one row: the groups' first entries side by side.
            int bottom = h.y + h.height;
            int nextOwn = first.stream().mapToInt(j -> boxes.get(j).y).filter(y -> y >= bottom).min().orElse(-1);
            int nextOther = others.stream().mapToInt(o -> o.y).filter(y -> y >= bottom).min().orElse(-1);
            boolean startTogether = nextOwn >= 0 && nextOther >= 0
                    && Math.abs(nextOwn - nextOther) <= SAME_START * medianH;
            if (besideEmpty && above && startTogether) {
                cuts.add(h.y);
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int k = 0; k <= cuts.size(); k++) {
            groups.add(new ArrayList<>());
        }
        for (List<Integer> column : columns) {
            for (int i : column) {
                double centre = boxes.get(i).getCenterY();
                groups.get((int) cuts.stream().filter(c -> centre >= c).count()).add(i);
            }
        }
        groups.removeIf(List::isEmpty);
        return groups;
    }

    /** The region split after a one-row bar at its top or bottom, or null when there is no such bar. */
    private static List<List<Integer>> peelBars(List<Rectangle> boxes, List<Integer> items, List<int[]> hGaps,
                                                double medianH) {
        if (hGaps.size() < 2) {
            return null;
        }
        int[] sizes = hGaps.stream().mapToInt(g -> g[1] - g[0]).toArray();
        for (int end = 0; end < 2; end++) {
            int k = end == 0 ? 0 : sizes.length - 1;
            double[] others = new double[sizes.length - 1];
            for (int i = 0, j = 0; i < sizes.length; i++) {
                if (i != k) {
                    others[j++] = sizes[i];
                }
            }
            double typical = median(others);
            if (sizes[k] < Math.max(BLOCK_GAP * medianH, 2 * typical)) {
                continue;
            }
            List<List<Integer>> parts = split(boxes, items, List.of(hGaps.get(k)), false);
            if (parts.size() != 2) {
                continue;
            }
            List<Integer> bar = end == 0 ? parts.get(0) : parts.get(1);
            List<Integer> rest = end == 0 ? parts.get(1) : parts.get(0);
            if (rows(boxes, bar).size() == 1 && spansAGutter(boxes, bar, gutters(boxes, rest, medianH))) {
                return parts;
            }
        }
        return null;
    }

    /** Whether the bar reaches across one of the gutters (so it is not the heading of one column). */
    private static boolean spansAGutter(List<Rectangle> boxes, List<Integer> bar, List<int[]> gutters) {
        int left = bar.stream().mapToInt(i -> boxes.get(i).x).min().orElse(0);
        int right = bar.stream().mapToInt(i -> boxes.get(i).x + boxes.get(i).width).max().orElse(0);
        return gutters.stream().anyMatch(g -> left < g[0] && right > g[1]);
    }

    /** Vertical gaps through all of {@code items} wide enough to be a gutter between columns. */
    private static List<int[]> gutters(List<Rectangle> boxes, List<Integer> items, double medianH) {
        return gaps(boxes, items, true).stream().filter(g -> g[1] - g[0] >= MIN_GUTTER * medianH).toList();
    }

    /**
     * Groups consecutive bands (top to bottom) into sections: a band joins the current section when none of its
     * boxes cross a gutter the section still has, so a column layout stays one section even where one column
     * is empty; a full-width band ends it.
     */
    private static List<List<Integer>> sections(List<Rectangle> boxes, List<List<Integer>> bands, double medianH) {
        List<List<Integer>> sections = new ArrayList<>();
        List<Boolean> columned = new ArrayList<>();
        List<Integer> bandCounts = new ArrayList<>();
        List<Integer> current = null;
        List<int[]> open = List.of();
        List<Integer> previous = null;
        List<Integer> beforePrevious = null;
        for (List<Integer> band : bands) {
            List<Integer> above = previous;
            List<Integer> twoAbove = beforePrevious;
            beforePrevious = previous;
            previous = band;
            if (current != null && !open.isEmpty()) {
                List<int[]> kept = new ArrayList<>();
                for (int[] g : open) {
                    if (band.stream().noneMatch(i -> crosses(boxes.get(i), g))) {
                        kept.add(g);
                    }
                }
                if (!kept.isEmpty()) {
                    current.addAll(band);
                    open = kept;
                    bandCounts.set(bandCounts.size() - 1, bandCounts.get(bandCounts.size() - 1) + 1);
                    continue;
                }
            }
            List<int[]> own = gutters(boxes, band, medianH);
            if (current != null && open.isEmpty() && own.isEmpty()) {
                current.addAll(band);
                continue;
            }
            current = new ArrayList<>(band);
            if (sections.size() > 0 && bandCounts.get(bandCounts.size() - 1) > 1
                    && headsNext(boxes, twoAbove, above, band, medianH)) {
                // The heading just above this band is its own, not the end of the section before it.
                sections.get(sections.size() - 1).removeAll(above);
                bandCounts.set(bandCounts.size() - 1, bandCounts.get(bandCounts.size() - 1) - 1);
                current.addAll(0, above);
            }
            sections.add(current);
            columned.add(!own.isEmpty());
            bandCounts.add(1);
            open = own;
        }
        // A gutter in one band alone is the space between words or cells of one row, not a column layout:
        // such a band joins the full-width text around it.
        List<List<Integer>> merged = new ArrayList<>();
        boolean previousFullWidth = false;
        for (int k = 0; k < sections.size(); k++) {
            boolean fullWidth = !columned.get(k) || bandCounts.get(k) == 1;
            if (fullWidth && previousFullWidth) {
                merged.get(merged.size() - 1).addAll(sections.get(k));
            } else {
                merged.add(new ArrayList<>(sections.get(k)));
            }
            previousFullWidth = fullWidth;
        }
        return merged;
    }

    /**
     * Whether {@code heading}, a band of one row with no gutter of its own, heads the band after it rather than
     * ending the one before: it stands closer to what follows than to what precedes it (an index's group letter).
     */
    private static boolean headsNext(List<Rectangle> boxes, List<Integer> before, List<Integer> heading,
                                     List<Integer> after, double medianH) {
        if (before == null || heading == null || rows(boxes, heading).size() != 1
                || !gutters(boxes, heading, medianH).isEmpty()) {
            return false;
        }
        int headingTop = heading.stream().mapToInt(i -> boxes.get(i).y).min().orElse(0);
        int headingBottom = heading.stream().mapToInt(i -> boxes.get(i).y + boxes.get(i).height).max().orElse(0);
        int beforeBottom = before.stream().mapToInt(i -> boxes.get(i).y + boxes.get(i).height).max().orElse(0);
        int afterTop = after.stream().mapToInt(i -> boxes.get(i).y).min().orElse(0);
        return headingTop - beforeBottom > afterTop - headingBottom;
    }

    private static boolean crosses(Rectangle r, int[] gap) {
        return r.x < gap[1] && r.x + r.width > gap[0];
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
     * (running text fills its column's width line after line). Where the rows line up closely, one column of long
     * entries does not make it prose (a help file's two-column list of topics and their tags); only columns that
     * are all prose are (a newsletter's columns set on the same baselines).
     */
    private static boolean isTable(List<Rectangle> boxes, List<List<Integer>> columns) {
        int aligned = 0;
        int total = 0;
        int prose = 0;
        boolean cells = false;
        double mostCentred = 0;
        double leastCentred = 1;
        for (int c = 0; c < columns.size(); c++) {
            if (isProse(boxes, columns.get(c))) {
                prose++;
            } else if (columns.get(c).size() >= PROSE_MIN_LINES) {
                cells = true;
            }
            int centred = 0;
            for (int i : columns.get(c)) {
                total++;
                if (hasRowPartner(boxes, i, columns, c, false)) {
                    aligned++;
                }
                if (hasRowPartner(boxes, i, columns, c, true)) {
                    centred++;
                }
            }
            double share = centred / (double) Math.max(1, columns.get(c).size());
            mostCentred = Math.max(mostCentred, share);
            leastCentred = Math.min(leastCentred, share);
        }
        if (total < 4) {
            return false;
        }
        // Beside running text, a table needs a column long enough to show it is not running text (two lines of a
        // newsletter's second column cannot).
        return prose == 0 ? aligned >= 0.6 * total
                : cells && mostCentred >= STRICT_ROWS && leastCentred >= STRICT_ROWS_OTHERS;
    }

    /**
     * Whether box {@code i} has a box of another column on its row: overlapping it ({@link Rows#overlapping}) or,
     * {@code centred}, sharing its centre ({@link Rows#centred}).
     */
    private static boolean hasRowPartner(List<Rectangle> boxes, int i, List<List<Integer>> columns, int own,
                                         boolean centred) {
        Rectangle a = boxes.get(i);
        for (int c = 0; c < columns.size(); c++) {
            if (c == own) {
                continue;
            }
            for (int j : columns.get(c)) {
                Rectangle b = boxes.get(j);
                if (centred ? Rows.centred(a, b) : Rows.overlapping(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isProse(List<Rectangle> boxes, List<Integer> column) {
        if (column.size() < PROSE_MIN_LINES) {
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
                .filter(r -> r.width >= PROSE_FILL * width && r.width >= PROSE_LINE_LENGTH * r.height).count();
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
