package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the columns of a text-layer page before lines are ordered within them. The XY-cut that orders OCR
 * lines cuts at white space, and takes side-by-side columns of short pieces for a table, to be read row by
 * row; on a reference card or a paper whose columns hold two-part entries (a key and what it does) that reads
 * across all columns at once. Here the page's gutters are found first: vertical bands that (almost) no piece
 * of text crosses, between columns that are each a good share of the text's width. Text that crosses a gutter
 * (a title, a figure caption across the page) divides the page into sections; in each section the columns are
 * read one after the other, unless they are a table (short pieces that line up row by row, none of them
 * running text).
 */
final class PageColumns {

    /** A column is at least this share of the text's width (the key column of a two-part entry is not). */
    private static final double MIN_COLUMN_SHARE = 0.18;
    /** A gutter is at least this many text heights wide. */
    private static final double MIN_GUTTER = 1.0;
    /** The share of pieces that may cross a gutter (a centred page number, a stray long line). */
    private static final double CROSSING_SHARE = 0.02;
    /**
     * The share of pieces with a partner on the same baseline in another column that makes the columns a
     * table. Columns of a page set with one leading share many baselines too (0.8 of the pieces on the first
     * page of Octave's reference card); a table's cells nearly all do.
     */
    private static final double TABLE_ALIGNED = 0.9;
    /** The share of a section's pieces in tables found by {@link PageTables} that makes the section a table. */
    private static final double MOSTLY_TABLES = 0.8;

    private PageColumns() {
    }

    /** The runs in groups, in reading order; each group is then ordered on its own. */
    static List<List<DocumentLine>> groups(List<DocumentLine> runs) {
        if (runs.size() < 4) {
            return List.of(runs);
        }
        List<int[]> gutters = gutters(runs);
        if (gutters.isEmpty()) {
            return List.of(runs);
        }
        List<DocumentLine> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt(r -> r.box().y));
        List<List<DocumentLine>> groups = new ArrayList<>();
        List<DocumentLine> section = new ArrayList<>();
        List<DocumentLine> spanning = new ArrayList<>();
        for (DocumentLine run : sorted) {
            if (crossesAny(run.box(), gutters)) {
                if (!section.isEmpty()) {
                    groups.addAll(columns(section, gutters));
                    section = new ArrayList<>();
                }
                spanning.add(run);
            } else {
                if (!spanning.isEmpty()) {
                    groups.add(spanning);
                    spanning = new ArrayList<>();
                }
                section.add(run);
            }
        }
        if (!section.isEmpty()) {
            groups.addAll(columns(section, gutters));
        }
        if (!spanning.isEmpty()) {
            groups.add(spanning);
        }
        return groups;
    }

    /** The gutters of the page as [start, end) in pixels, left to right. */
    static List<int[]> gutters(List<DocumentLine> runs) {
        int left = runs.stream().mapToInt(r -> r.box().x).min().orElse(0);
        int right = runs.stream().mapToInt(r -> r.box().x + r.box().width).max().orElse(0);
        int width = right - left;
        if (width <= 0) {
            return List.of();
        }
        int[] cover = new int[width];
        for (DocumentLine run : runs) {
            Rectangle b = run.box();
            for (int x = Math.max(0, b.x - left); x < Math.min(width, b.x + b.width - left); x++) {
                cover[x]++;
            }
        }
        double[] heights = runs.stream().mapToDouble(r -> r.box().height).sorted().toArray();
        double em = heights[heights.length / 2];
        int allowed = (int) Math.floor(CROSSING_SHARE * runs.size());
        List<int[]> gaps = new ArrayList<>();
        int start = -1;
        for (int x = 0; x <= width; x++) {
            boolean open = x < width && cover[x] <= allowed;
            if (open && start < 0) {
                start = x;
            } else if (!open && start >= 0) {
                if (start > 0 && x < width && x - start >= MIN_GUTTER * em) {
                    gaps.add(new int[] {start + left, x + left});
                }
                start = -1;
            }
        }
        // Drop the gap beside the narrowest column until every column is wide enough.
        while (!gaps.isEmpty()) {
            int narrowest = -1;
            double narrowestWidth = Double.MAX_VALUE;
            for (int c = 0; c <= gaps.size(); c++) {
                int from = c == 0 ? left : gaps.get(c - 1)[1];
                int to = c == gaps.size() ? right : gaps.get(c)[0];
                if (to - from < narrowestWidth) {
                    narrowestWidth = to - from;
                    narrowest = c;
                }
            }
            if (narrowestWidth >= MIN_COLUMN_SHARE * width) {
                break;
            }
            int drop;
            if (narrowest == 0) {
                drop = 0;
            } else if (narrowest == gaps.size()) {
                drop = gaps.size() - 1;
            } else {
                int[] before = gaps.get(narrowest - 1);
                int[] after = gaps.get(narrowest);
                drop = before[1] - before[0] <= after[1] - after[0] ? narrowest - 1 : narrowest;
            }
            gaps.remove(drop);
        }
        return gaps;
    }

    private static boolean crossesAny(Rectangle box, List<int[]> gutters) {
        return gutters.stream().anyMatch(g -> box.x < g[0] && box.x + box.width > g[1]);
    }

    /** A section's runs by column, left to right; one group when the columns are a table. */
    private static List<List<DocumentLine>> columns(List<DocumentLine> section, List<int[]> gutters) {
        List<List<DocumentLine>> columns = new ArrayList<>();
        for (int c = 0; c <= gutters.size(); c++) {
            columns.add(new ArrayList<>());
        }
        for (DocumentLine run : section) {
            double centre = run.box().getCenterX();
            int c = 0;
            while (c < gutters.size() && centre >= gutters.get(c)[1]) {
                c++;
            }
            columns.get(c).add(run);
        }
        columns.removeIf(List::isEmpty);
        if (columns.size() > 1 && (isTable(columns) || mostlyTables(section))) {
            return List.of(section);
        }
        return columns;
    }

    /**
     * Whether most of a section's pieces are in tables that {@link PageTables} finds: a table whose cells wrap
     * onto several lines has too few pieces on shared baselines for {@link #isTable}, yet its columns must not
     * be read one after the other.
     */
    private static boolean mostlyTables(List<DocumentLine> section) {
        List<List<DocumentLine>> rows = PageTables.rows(section);
        int inTables = 0;
        for (PageTables.Found found : PageTables.find(rows)) {
            inTables += rows.subList(found.from(), found.to()).stream().mapToInt(List::size).sum();
        }
        return inTables >= MOSTLY_TABLES * section.size();
    }

    private static boolean isTable(List<List<DocumentLine>> columns) {
        if (columns.stream().anyMatch(PageColumns::isProse)) {
            return false;
        }
        int aligned = 0;
        int total = 0;
        for (int c = 0; c < columns.size(); c++) {
            for (DocumentLine run : columns.get(c)) {
                total++;
                int own = c;
                boolean partner = false;
                for (int o = 0; o < columns.size() && !partner; o++) {
                    if (o != own) {
                        partner = columns.get(o).stream().anyMatch(p -> sameRow(p.box(), run.box()));
                    }
                }
                aligned += partner ? 1 : 0;
            }
        }
        return aligned >= TABLE_ALIGNED * total;
    }

    private static boolean sameRow(Rectangle a, Rectangle b) {
        return Math.abs(a.getCenterY() - b.getCenterY()) < 0.3 * Math.min(a.height, b.height);
    }

    /** Running text: most lines fill the column and are long for their height. */
    private static boolean isProse(List<DocumentLine> column) {
        if (column.size() < 3) {
            return false;
        }
        int left = column.stream().mapToInt(r -> r.box().x).min().orElse(0);
        int right = column.stream().mapToInt(r -> r.box().x + r.box().width).max().orElse(0);
        long full = column.stream().map(DocumentLine::box)
                .filter(b -> b.width >= 0.6 * (right - left) && b.width >= 8 * b.height).count();
        return full >= 0.5 * column.size();
    }
}
