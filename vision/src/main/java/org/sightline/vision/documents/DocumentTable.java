package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table found on a page: its rows top to bottom, each with one cell per column left to right (a cell the row
 * leaves empty has empty text and a box of no width where the column stands). {@code header} says whether the
 * first row names the columns, so that each later cell can be read with its column's name.
 */
public record DocumentTable(List<List<Cell>> rows, boolean header) {

    /** One cell: its text (empty when the row has nothing in that column) and its box in page pixels. */
    public record Cell(String text, Rectangle box) {

        public Cell {
            Objects.requireNonNull(text, "text");
            box = new Rectangle(Objects.requireNonNull(box, "box"));
        }

        @Override
        public Rectangle box() {
            return new Rectangle(box);
        }

        public boolean isEmpty() {
            return text.isBlank();
        }
    }

    public DocumentTable {
        List<List<Cell>> copy = new ArrayList<>();
        for (List<Cell> row : rows) {
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
        if (copy.isEmpty() || copy.stream().anyMatch(r -> r.size() != copy.get(0).size())) {
            throw new IllegalArgumentException("a table needs rows of equal length");
        }
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnCount() {
        return rows.get(0).size();
    }

    /**
     * Row {@code index} (from 0) as it is read aloud: "Row 3: Item, Tea; Price, 4.50" under a header row, each
     * cell after its column's name so a listener never has to count columns; "Row 3: Tea; 4.50" without one.
     * Empty cells are left out. The header row itself is read as its names.
     */
    public String rowReading(int index) {
        List<Cell> row = rows.get(index);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
            Cell cell = row.get(c);
            if (cell.isEmpty()) {
                continue;
            }
            String name = header && index > 0 ? rows.get(0).get(c).text().strip() : "";
            cells.add(name.isEmpty() ? cell.text().strip()
                    : DocumentFiles.MESSAGES.get("table.cell", name, cell.text().strip()));
        }
        return DocumentFiles.MESSAGES.get("table.row", index + 1,
                String.join(DocumentFiles.MESSAGES.get("table.cellSeparator"), cells));
    }
}
