package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds tables among the rows of a block, where each row is still the pieces of text that stood apart on it
 * (the runs of a text layer, separated by more than a wide word space). A table is at least three rows in a
 * row, each of two or more pieces, whose pieces fall into the same columns: the pieces' horizontal extents,
 * overlapped, leave two or more separate columns, no row has two pieces in one column, and at least three
 * quarters of the cells are filled. No cell is running text. The rule is kept strict, because a false table
 * reads worse than a missed one: two columns make a table only under a header row (a key and its description,
 * a title and its page number, two columns of prose are not tables), and a contents list of titles and page
 * numbers never is. See docs/decisions/0019-document-tables.md.
 */
final class PageTables {

    /** Fewer rows than this are a pair of lines side by side, not a table. */
    static final int MIN_ROWS = 3;
    /** A cell longer than this is running text: the rows are not a table. */
    static final int MAX_CELL_CHARS = 50;
    /** The share of cells that must be filled. */
    static final double FILLED = 0.75;
    /** A header row set this much larger than the rows below is a header. */
    static final double HEADER_SIZE = 1.1;

    private static final Pattern NUMBER = Pattern.compile(
            "^[\\p{Sc}+\\-\u2212(]*\\d[\\d.,:/%'\\s]*[\\p{Sc}%)]?[a-zA-Z]{0,3}$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:\\d{1,4}|[ivxlc]{1,6})$");

    private PageTables() {
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a block are {@code table}. */
    record Found(int from, int to, DocumentBlock table) {
    }

    /** The tables among {@code rows}, top to bottom; each row's pieces left to right. */
    static List<Found> find(List<List<DocumentLine>> rows) {
        List<Found> out = new ArrayList<>();
        int r = 0;
        while (r < rows.size()) {
            if (rows.get(r).size() < 2) {
                r++;
                continue;
            }
            int end = r;
            while (end < rows.size() && rows.get(end).size() >= 2) {
                end++;
            }
            int from = r;
            table(rows.subList(r, end)).ifPresent(t -> out.add(new Found(from, from + t.table().orElseThrow()
                    .rowCount(), t)));
            r = end;
        }
        return out;
    }

    /** The rows as a table, or empty when they are not one. */
    static Optional<DocumentBlock> table(List<List<DocumentLine>> rows) {
        if (rows.size() < MIN_ROWS) {
            return Optional.empty();
        }
        if (rows.stream().flatMap(List::stream).anyMatch(p -> p.text().strip().length() > MAX_CELL_CHARS)) {
            return Optional.empty();
        }
        List<int[]> columns = columns(rows);
        int count = columns.size();
        if (count < 2) {
            return Optional.empty();
        }
        List<List<DocumentLine>> grid = new ArrayList<>();
        int filled = 0;
        for (List<DocumentLine> row : rows) {
            List<DocumentLine> cells = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                cells.add(null);
            }
            for (DocumentLine piece : row) {
                int c = columnOf(columns, piece.box());
                if (cells.get(c) != null) {
                    // Two pieces of one row in one column: the columns do not line up.
                    return Optional.empty();
                }
                cells.set(c, piece);
                filled++;
            }
            grid.add(cells);
        }
        if (filled < FILLED * rows.size() * count) {
            return Optional.empty();
        }
        boolean header = isHeader(grid);
        if (!header && count < 3) {
            return Optional.empty();
        }
        if (count == 2 && isContents(grid, header)) {
            return Optional.empty();
        }
        return Optional.of(DocumentBlock.of(new DocumentTable(cells(grid, columns), header),
                bodySize(grid.subList(header ? 1 : 0, grid.size()))));
    }

    /** The columns as [left, right) in pixels: the pieces' horizontal extents, where they overlap, merged. */
    private static List<int[]> columns(List<List<DocumentLine>> rows) {
        List<Rectangle> boxes = rows.stream().flatMap(List::stream).map(DocumentLine::box)
                .sorted(Comparator.comparingInt(b -> b.x)).toList();
        List<int[]> columns = new ArrayList<>();
        for (Rectangle b : boxes) {
            int[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && b.x < last[1]) {
                last[1] = Math.max(last[1], b.x + b.width);
            } else {
                columns.add(new int[] {b.x, b.x + b.width});
            }
        }
        return columns;
    }

    private static int columnOf(List<int[]> columns, Rectangle box) {
        for (int c = columns.size() - 1; c > 0; c--) {
            if (box.x >= columns.get(c)[0]) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Whether the first row names the columns: set in bold above rows that are not, or larger than them, or
     * all words above a column of numbers (the only sign left on a scanned page read without font weights).
     */
    private static boolean isHeader(List<List<DocumentLine>> grid) {
        List<DocumentLine> first = grid.get(0).stream().filter(c -> c != null).toList();
        List<DocumentLine> rest = grid.subList(1, grid.size()).stream().flatMap(List::stream)
                .filter(c -> c != null).toList();
        if (first.stream().allMatch(DocumentLine::bold) && rest.stream().filter(DocumentLine::bold).count()
                < 0.5 * rest.size()) {
            return true;
        }
        double body = bodySize(grid.subList(1, grid.size()));
        if (first.stream().allMatch(c -> c.fontSize() >= HEADER_SIZE * body)) {
            return true;
        }
        if (first.size() < grid.get(0).size() || first.stream().anyMatch(c -> isNumber(c.text()))) {
            return false;
        }
        for (int c = 0; c < grid.get(0).size(); c++) {
            int column = c;
            List<DocumentLine> below = grid.subList(1, grid.size()).stream().map(row -> row.get(column))
                    .filter(cell -> cell != null).toList();
            if (below.size() >= 2 && below.stream().allMatch(cell -> isNumber(cell.text()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether two columns are titles and the page numbers they start on (a contents page without leaders). */
    private static boolean isContents(List<List<DocumentLine>> grid, boolean header) {
        List<DocumentLine> numbers = grid.subList(header ? 1 : 0, grid.size()).stream().map(row -> row.get(1))
                .filter(cell -> cell != null).toList();
        if (numbers.isEmpty() || !numbers.stream().allMatch(n -> PAGE_NUMBER.matcher(n.text().strip()).matches())) {
            return false;
        }
        List<Integer> arabic = numbers.stream().map(n -> n.text().strip()).filter(t -> t.matches("\\d+"))
                .map(Integer::parseInt).toList();
        for (int i = 1; i < arabic.size(); i++) {
            if (arabic.get(i) < arabic.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    static boolean isNumber(String text) {
        return NUMBER.matcher(text.strip()).matches();
    }

    private static List<List<DocumentTable.Cell>> cells(List<List<DocumentLine>> grid, List<int[]> columns) {
        List<List<DocumentTable.Cell>> rows = new ArrayList<>();
        for (List<DocumentLine> row : grid) {
            Rectangle span = null;
            for (DocumentLine piece : row) {
                if (piece != null) {
                    span = span == null ? piece.box() : span.union(piece.box());
                }
            }
            List<DocumentTable.Cell> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                DocumentLine piece = row.get(c);
                cells.add(piece != null ? new DocumentTable.Cell(piece.text().strip(), piece.box())
                        : new DocumentTable.Cell("", new Rectangle(columns.get(c)[0], span.y, 0, span.height)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static double bodySize(List<List<DocumentLine>> rows) {
        double[] sizes = rows.stream().flatMap(List::stream).filter(c -> c != null)
                .mapToDouble(DocumentLine::fontSize).sorted().toArray();
        return sizes.length == 0 ? 1 : sizes[sizes.length / 2];
    }
}
