package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds tables among the pieces of text of a text-layer page (its runs: words on one baseline, split where the
 * gap is wider than a wide word space). Pieces are put in rows by their height on the page; a table is a stretch
 * of at least three close rows of two or more pieces whose pieces fall into the same columns (the pieces'
 * horizontal extents, overlapped, leave two or more separate columns) with three quarters of the cells filled. A
 * row of one piece right of the first column carries on the cells above (a cell set on two lines); a row of
 * dashes is a rule inside the table. The rule is kept strict, because a false table reads worse than a missed
 * one: the first column holds no running text, and a table without a header row needs three columns, one of
 * numbers beside one of words, and not titles beside rising page numbers (so a key and its description,
 * paragraphs side by side, names set in columns, a printed matrix and a contents page without leaders are not
 * tables). See docs/decisions/0019-document-tables.md.
 */
final class PageTables {

    /** Fewer rows than this are a pair of lines side by side, not a table. */
    static final int MIN_ROWS = 3;
    /** A cell of the first column longer than this is running text: the rows are not a table. */
    static final int MAX_CELL_CHARS = 50;
    /** A piece longer than this is a line of running text: the rows are not a table. */
    static final int MAX_LINE_CHARS = 80;
    /** The share of cells that must be filled. */
    static final double FILLED = 0.75;
    /** Rows further apart than this many row heights belong to different tables (or none). */
    static final double ROW_GAP = 1.5;
    /** A first-column cell of this many words or more is running text. */
    static final int PROSE_WORDS = 7;
    /** The share of a column's cells that are numbers for it to be a column of numbers. */
    static final double NUMERIC_COLUMN = 0.8;
    /** A header row set this much larger than the rows below is a header. */
    static final double HEADER_SIZE = 1.1;

    private static final Pattern NUMBER = Pattern.compile(
            "^[\\p{Sc}+\\-\u2212(]*\\d[\\d.,:/%'\\s]*[\\p{Sc}%)]?[a-zA-Z]{0,3}$");
    private static final Pattern RULE = Pattern.compile("^[-_=\u2500\u2014\u2013+|\\s]{3,}$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:\\d{1,4}|[ivxlc]{1,6})$");

    private PageTables() {
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a block are {@code table}. */
    record Found(int from, int to, DocumentBlock table) {
    }

    /**
     * The pieces of a page (or of one of its columns) in rows, top to bottom, each left to right: a piece joins
     * the row whose middle is level with its own.
     */
    static List<List<DocumentLine>> rows(List<DocumentLine> pieces) {
        List<DocumentLine> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingDouble(p -> p.box().getCenterY()));
        List<List<DocumentLine>> rows = new ArrayList<>();
        List<DocumentLine> row = new ArrayList<>();
        for (DocumentLine piece : sorted) {
            if (!row.isEmpty() && !level(row.get(0).box(), piece.box())) {
                rows.add(row);
                row = new ArrayList<>();
            }
            row.add(piece);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        rows.forEach(r -> r.sort(Comparator.comparingInt(p -> p.box().x)));
        return rows;
    }

    private static boolean level(Rectangle a, Rectangle b) {
        return Math.abs(a.getCenterY() - b.getCenterY()) < 0.3 * Math.min(a.height, b.height);
    }

    /**
     * The tables among {@code rows} (as {@link #rows} gives them): runs of consecutive rows of two or more
     * pieces, closer to each other than {@link #ROW_GAP} row heights, that pass {@link #table}.
     */
    static List<Found> find(List<List<DocumentLine>> rows) {
        List<Found> out = new ArrayList<>();
        int r = 0;
        while (r < rows.size()) {
            if (rows.get(r).size() < 2) {
                r++;
                continue;
            }
            int end = r + 1;
            List<DocumentLine> anchor = rows.get(r);
            while (end < rows.size() && close(rows.get(end - 1), rows.get(end))
                    && (rows.get(end).size() >= 2 || continues(anchor, rows.get(end)) || isRule(rows.get(end)))) {
                if (rows.get(end).size() >= 2) {
                    anchor = rows.get(end);
                }
                end++;
            }
            int from = r;
            int to = end;
            table(rows.subList(from, to)).ifPresent(t -> out.add(new Found(from, to, t)));
            r = end;
        }
        return out;
    }

    /**
     * Whether a row of one piece carries on a cell of the row of several pieces above it (a cell set on two
     * lines): it starts right of that row's first column and left of its right edge (a page number in the
     * corner below a table does not).
     */
    private static boolean continues(List<DocumentLine> anchor, List<DocumentLine> row) {
        Rectangle second = anchor.get(1).box();
        int right = anchor.stream().mapToInt(p -> p.box().x + p.box().width).max().orElse(0);
        return row.stream().allMatch(p -> p.box().x >= second.x - second.height && p.box().x < right);
    }

    /** Whether a row is only a rule drawn with characters (dashes under a header row), part of the table. */
    static boolean isRule(List<DocumentLine> row) {
        return row.stream().allMatch(p -> RULE.matcher(p.text().strip()).matches());
    }

    private static boolean close(List<DocumentLine> above, List<DocumentLine> below) {
        int bottom = above.stream().mapToInt(p -> p.box().y + p.box().height).max().orElse(0);
        int top = below.stream().mapToInt(p -> p.box().y).min().orElse(0);
        int height = above.stream().mapToInt(p -> p.box().height).max().orElse(1);
        return top - bottom <= ROW_GAP * height;
    }

    /**
     * The rows as a table, or empty when they are not one. A row whose first column is empty carries on the
     * cells of the row above (cells set on several lines); two pieces of one row in one column are one cell.
     */
    static Optional<DocumentBlock> table(List<List<DocumentLine>> withRules) {
        List<List<DocumentLine>> plain = withRules.stream().filter(r -> !isRule(r)).toList();
        List<List<DocumentLine>> split = splitJoinedCells(plain);
        Optional<DocumentBlock> table = table(withRules, split);
        // Runs are split into cells only under a header row: a matrix printed by a program has columns as clear.
        if (split != plain && table.flatMap(DocumentBlock::table).filter(t -> !t.header()).isPresent()) {
            return table(withRules, plain);
        }
        return table;
    }

    private static Optional<DocumentBlock> table(List<List<DocumentLine>> withRules, List<List<DocumentLine>> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        boolean oneRow = rows.size() == 2 && isOneRowUnderHeader(rows, withRules);
        if (!oneRow && rows.stream().filter(r -> r.size() >= 2).count() < MIN_ROWS) {
            return Optional.empty();
        }
        if (rows.stream().flatMap(List::stream).anyMatch(p -> p.text().strip().length() > MAX_LINE_CHARS)) {
            return Optional.empty();
        }
        List<int[]> columns = columns(rows);
        int count = columns.size();
        if (count < 2) {
            return Optional.empty();
        }
        List<List<DocumentLine>> grid = new ArrayList<>();
        for (List<DocumentLine> row : rows) {
            List<DocumentLine> cells = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                cells.add(null);
            }
            for (DocumentLine piece : row) {
                int c = columnOf(columns, piece.box());
                cells.set(c, join(cells.get(c), piece));
            }
            if (cells.get(0) == null && !grid.isEmpty()) {
                List<DocumentLine> above = grid.get(grid.size() - 1);
                for (int c = 0; c < count; c++) {
                    above.set(c, join(above.get(c), cells.get(c)));
                }
            } else {
                grid.add(cells);
            }
        }
        if (grid.size() < (oneRow ? 2 : MIN_ROWS)) {
            return Optional.empty();
        }
        if (grid.stream().map(row -> row.get(0)).filter(c -> c != null).map(c -> c.text().strip())
                .anyMatch(t -> t.length() > MAX_CELL_CHARS || t.split("\\s+").length >= PROSE_WORDS)) {
            // Running text in the first column: paragraphs side by side, not a table.
            return Optional.empty();
        }
        long filled = grid.stream().flatMap(List::stream).filter(c -> c != null).count();
        if (filled < FILLED * grid.size() * count) {
            return Optional.empty();
        }
        boolean header = isHeader(grid) || withRules.size() > 1 && isRule(withRules.get(1));
        if (!header && (count < 3 || !mixesNumbersAndWords(grid) || isContents(grid))) {
            return Optional.empty();
        }
        return Optional.of(DocumentBlock.of(new DocumentTable(cells(grid, columns), header),
                bodySize(grid.subList(header ? 1 : 0, grid.size()))));
    }

    /**
     * Whether two rows are a header and one row of data: the header marked as one (bold above a row that is not,
     * larger than it, or with a rule of dashes under it) and each cell of the data row standing under a cell of
     * the header (their left edges, right edges or middles within a text height), as many cells in each. Nothing
     * weaker will do for so small a table, which a heading over a line of two parts could otherwise pass for.
     */
    private static boolean isOneRowUnderHeader(List<List<DocumentLine>> rows, List<List<DocumentLine>> withRules) {
        List<DocumentLine> head = rows.get(0);
        List<DocumentLine> data = rows.get(1);
        if (head.size() < 2 || data.size() != head.size()) {
            return false;
        }
        boolean bold = head.stream().allMatch(DocumentLine::bold) && data.stream().noneMatch(DocumentLine::bold);
        boolean larger = head.stream().mapToDouble(DocumentLine::fontSize).min().orElse(0)
                >= HEADER_SIZE * data.stream().mapToDouble(DocumentLine::fontSize).max().orElse(0);
        boolean ruled = withRules.size() == 3 && isRule(withRules.get(1));
        if (!bold && !larger && !ruled) {
            return false;
        }
        for (int c = 0; c < head.size(); c++) {
            Rectangle h = head.get(c).box();
            Rectangle d = data.get(c).box();
            int em = Math.max(h.height, d.height);
            boolean under = Math.abs(h.x - d.x) <= em || Math.abs(h.x + h.width - d.x - d.width) <= em
                    || Math.abs(h.getCenterX() - d.getCenterX()) <= em;
            boolean clear = c + 1 == head.size() || d.x + d.width < head.get(c + 1).box().x;
            if (!under || !clear) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows with each piece that runs two cells together split where the other rows show the next column
     * starts. A cell's text that comes within a word space of the next cell is one run on the page; it is
     * split only where most other rows, and at least two, start a column inside it, at the word boundary nearest
     * that start (its place estimated from the share of characters before it), no further than a text height
     * from it; a piece with no such boundary is kept whole.
     */
    static List<List<DocumentLine>> splitJoinedCells(List<List<DocumentLine>> rows) {
        List<List<DocumentLine>> out = new ArrayList<>();
        boolean changed = false;
        for (List<DocumentLine> row : rows) {
            List<DocumentLine> split = new ArrayList<>();
            for (DocumentLine piece : row) {
                List<Integer> starts = columnStartsInside(piece, rows, row);
                List<DocumentLine> parts = starts.isEmpty() ? List.of(piece) : splitAt(piece, starts);
                changed |= parts.size() > 1;
                split.addAll(parts);
            }
            out.add(split);
        }
        return changed ? out : rows;
    }

    /**
     * The column starts inside {@code piece} that most rows other than {@code own} show, and at least two: a
     * piece of theirs starts there. A start that only some rows show (a name whose parts stand apart in a few
     * rows, a program's listing) is no column to split at.
     */
    private static List<Integer> columnStartsInside(DocumentLine piece, List<List<DocumentLine>> rows,
                                                   List<DocumentLine> own) {
        Rectangle box = piece.box();
        int em = box.height;
        List<List<DocumentLine>> others = rows.stream().filter(r -> r != own).toList();
        List<Integer> lefts = others.stream().flatMap(List::stream).map(p -> p.box().x)
                .filter(x -> x > box.x + em && x < box.x + box.width - em).sorted().toList();
        List<Integer> starts = new ArrayList<>();
        for (int x : lefts) {
            long shown = others.stream()
                    .filter(r -> r.stream().anyMatch(p -> Math.abs(p.box().x - x) <= em / 2)).count();
            if (shown >= 2 && 2 * shown > others.size()
                    && (starts.isEmpty() || x - starts.get(starts.size() - 1) > em)) {
                starts.add(x);
            }
        }
        return starts;
    }

    /** {@code piece} split at the word boundaries nearest {@code starts}; whole when one has none near it. */
    private static List<DocumentLine> splitAt(DocumentLine piece, List<Integer> starts) {
        String text = piece.text();
        Rectangle box = piece.box();
        List<Integer> cuts = new ArrayList<>();
        for (int start : starts) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int i = 1; i < text.length(); i++) {
                if (text.charAt(i - 1) == ' ' && text.charAt(i) != ' ') {
                    double distance = Math.abs(box.x + box.width * (double) i / text.length() - start);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = i;
                    }
                }
            }
            if (best < 0 || bestDistance > box.height || cuts.contains(best)) {
                return List.of(piece);
            }
            cuts.add(best);
        }
        // Each part after a cut starts where its column does; the part before ends short of it.
        List<DocumentLine> parts = new ArrayList<>();
        int from = 0;
        int left = box.x;
        for (int k = 0; k <= cuts.size(); k++) {
            int cut = k < cuts.size() ? cuts.get(k) : text.length();
            int right = k < cuts.size() ? starts.get(k) - 1 : box.x + box.width;
            parts.add(new DocumentLine(text.substring(from, cut).strip(),
                    new Rectangle(left, box.y, Math.max(1, right - left), box.height), piece.fontSize(), piece.bold()));
            from = cut;
            left = right + 1;
        }
        return parts;
    }

    /** Two pieces of one cell as one, in reading order (either may be null). */
    private static DocumentLine join(DocumentLine first, DocumentLine second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        StringBuilder text = new StringBuilder(first.text());
        TextJoin.append(text, second.text());
        return new DocumentLine(text.toString(), first.box().union(second.box()),
                Math.max(first.fontSize(), second.fontSize()), first.bold() && second.bold());
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
     * all words above a column of numbers (the only sign left on a scanned page read without font weights). A
     * rule of dashes right under the first row also makes it a header (see {@link #table}).
     */
    private static boolean isHeader(List<List<DocumentLine>> grid) {
        List<DocumentLine> first = grid.get(0).stream().filter(c -> c != null).toList();
        if (first.stream().allMatch(DocumentLine::bold)) {
            // Bold above a column that is not (a first column of names may be bold all the way down).
            for (int c = 0; c < grid.get(0).size(); c++) {
                int column = c;
                List<DocumentLine> below = grid.subList(1, grid.size()).stream().map(row -> row.get(column))
                        .filter(cell -> cell != null).toList();
                if (!below.isEmpty() && below.stream().filter(DocumentLine::bold).count() < 0.5 * below.size()) {
                    return true;
                }
            }
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

    /**
     * Whether one column holds numbers and another words: what a table without a header row must show to be
     * told from a list of names set in columns (a contributors' page) or a matrix printed by a program.
     */
    private static boolean mixesNumbersAndWords(List<List<DocumentLine>> grid) {
        boolean numbers = false;
        boolean words = false;
        for (int c = 0; c < grid.get(0).size(); c++) {
            List<String> cells = column(grid, c, 0);
            long numeric = cells.stream().filter(PageTables::isNumber).count();
            numbers |= cells.size() >= 2 && numeric >= NUMERIC_COLUMN * cells.size();
            words |= numeric < cells.size();
        }
        return numbers && words;
    }

    /**
     * Whether the last column is page numbers that never go down (a contents page without leaders, whose
     * titles may wrap onto several lines and gather several numbers in one cell).
     */
    private static boolean isContents(List<List<DocumentLine>> grid) {
        List<String> last = column(grid, grid.get(0).size() - 1, 0);
        List<Integer> numbers = new ArrayList<>();
        for (String cell : last) {
            for (String token : cell.split("\\s+")) {
                if (!PAGE_NUMBER.matcher(token).matches()) {
                    return false;
                }
                if (token.matches("\\d+")) {
                    numbers.add(Integer.parseInt(token));
                }
            }
        }
        for (int i = 1; i < numbers.size(); i++) {
            if (numbers.get(i) < numbers.get(i - 1)) {
                return false;
            }
        }
        return !last.isEmpty();
    }

    /** The texts of the filled cells of column {@code c}, from row {@code from} down. */
    private static List<String> column(List<List<DocumentLine>> grid, int c, int from) {
        return grid.subList(from, grid.size()).stream().map(row -> row.get(c)).filter(cell -> cell != null)
                .map(cell -> cell.text().strip()).toList();
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
