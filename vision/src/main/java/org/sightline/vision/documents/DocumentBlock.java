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
 * by line (the arrow keys, find, plain text) walks a table row by row. A {@link BlockKind#FOOTNOTE} carries
 * its {@code mark} ("1", "*"), which its lines leave out: its text is read "Footnote 1: ...".
 */
public record DocumentBlock(BlockKind kind, int level, List<DocumentLine> lines, Optional<DocumentTable> table,
                            Optional<String> mark) {

    public DocumentBlock {
        lines = List.copyOf(lines);
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mark, "mark");
        if ((kind == BlockKind.FOOTNOTE) != mark.isPresent()) {
            throw new IllegalArgumentException(kind + (mark.isPresent() ? " with" : " without") + " a mark");
        }
        if ((kind == BlockKind.HEADING) != (level > 0)) {
            throw new IllegalArgumentException(kind + " with level " + level);
        }
        if ((kind == BlockKind.TABLE) != table.isPresent()) {
            throw new IllegalArgumentException(kind + (table.isPresent() ? " with" : " without") + " a table");
        }
    }

    /** A block that is not a table or a footnote. */
    public DocumentBlock(BlockKind kind, int level, List<DocumentLine> lines) {
        this(kind, level, lines, Optional.empty(), Optional.empty());
    }

    /** A footnote: its {@code mark} as printed (plain digits for raised ones) and its lines without the mark. */
    public static DocumentBlock footnote(String mark, List<DocumentLine> lines) {
        return new DocumentBlock(BlockKind.FOOTNOTE, 0, lines, Optional.empty(), Optional.of(mark));
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
        return new DocumentBlock(BlockKind.TABLE, 0, rows, Optional.of(table), Optional.empty());
    }

    /**
     * The block's text as one would read it aloud: lines joined by a space (a word broken by a hyphen at the
     * end of a line is joined again), or with nothing between two lines of Chinese; a table's rows one per line,
     * since each row reading stands on its own; a footnote after its mark ("Footnote 1: The survey ran ...").
     */
    public String text() {
        if (kind == BlockKind.TABLE) {
            return lineText();
        }
        return mark.map(m -> DocumentFiles.MESSAGES.get("footnote.reading", m, noteText())).orElseGet(this::noteText);
    }

    /** The lines joined as in {@link #text()}, without a footnote's mark: the note itself, for export. */
    public String noteText() {
        StringBuilder out = new StringBuilder();
        for (DocumentLine line : lines) {
            TextJoin.append(out, line.text());
        }
        return out.toString();
    }

    /**
     * Line {@code index} as it is read when one walks the block line by line: a footnote's first line after
     * its mark ("Footnote 1: The survey ran"), every other line as it stands.
     */
    public String lineReading(int index) {
        String line = lines.get(index).text();
        return index == 0 && mark.isPresent() ? DocumentFiles.MESSAGES.get("footnote.reading", mark.get(), line)
                : line;
    }

    /** The lines as they stand on the page, one per line. */
    public String lineText() {
        return lines.stream().map(DocumentLine::text).collect(Collectors.joining("\n"));
    }
}
