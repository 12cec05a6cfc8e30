package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lines that belong together, in reading order. {@code level} is the heading level (1 the largest) for a
 * {@link BlockKind#HEADING} and 0 for any other kind. A {@link BlockKind#TABLE} carries its {@code table}, and
 * its lines are its rows as read aloud ("Row 2: Item, Tea; Price, 4.50"), so everything that walks a block line
 * by line (the arrow keys, find, plain text) walks a table row by row.
 */
public record DocumentBlock(BlockKind kind, int level, List<DocumentLine> lines, Optional<DocumentTable> table) {

    public DocumentBlock {
        lines = List.copyOf(lines);
        Objects.requireNonNull(table, "table");
        if ((kind == BlockKind.HEADING) != (level > 0)) {
            throw new IllegalArgumentException(kind + " with level " + level);
        }
        if ((kind == BlockKind.TABLE) != table.isPresent()) {
            throw new IllegalArgumentException(kind + (table.isPresent() ? " with" : " without") + " a table");
        }
    }

    /** A block that is not a table. */
    public DocumentBlock(BlockKind kind, int level, List<DocumentLine> lines) {
        this(kind, level, lines, Optional.empty());
    }

    /**
     * A table block: one line per row, its text the row's reading, its box around the row's cells, in the
     * size of {@code fontSize}; the header row's line is bold.
     */
    public static DocumentBlock of(DocumentTable table, double fontSize) {
        List<DocumentLine> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Rectangle box = null;
            for (DocumentTable.Cell cell : table.rows().get(r)) {
                box = box == null ? cell.box() : box.union(cell.box());
            }
            rows.add(new DocumentLine(table.rowReading(r), box, fontSize, table.header() && r == 0));
        }
        return new DocumentBlock(BlockKind.TABLE, 0, rows, Optional.of(table));
    }

    /**
     * The block's text as one would read it aloud: lines joined by a space (a word broken by a hyphen at the
     * end of a line is joined again), or with nothing between two lines of Chinese; a table's rows one per line,
     * since each row reading stands on its own.
     */
    public String text() {
        if (kind == BlockKind.TABLE) {
            return lineText();
        }
        StringBuilder out = new StringBuilder();
        for (DocumentLine line : lines) {
            TextJoin.append(out, line.text());
        }
        return out.toString();
    }

    /** The lines as they stand on the page, one per line. */
    public String lineText() {
        return lines.stream().map(DocumentLine::text).collect(Collectors.joining("\n"));
    }
}
