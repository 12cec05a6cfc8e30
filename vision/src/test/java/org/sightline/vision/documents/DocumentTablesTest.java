package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.TaskContext;
import org.sightline.vision.testing.EnglishMessages;

/** Tables on real PDFs written by PDFBox, found in the text layer and read row by row; and what is not a table. */
@ExtendWith(EnglishMessages.class)
class DocumentTablesTest {

    static final String[][] PRICES = {{"Item", "Price", "Stock"}, {"Tea", "4.50", "12"}, {"Coffee", "3.20", "7"},
        {"Cake | slice", "2.80", "3"}};
    static final String[][] WEEK = {{"Monday", "Swimming", "7:00"}, {"Tuesday", "Running", "6:30"},
        {"Wednesday", "Rest", "9:00"}};

    @TempDir
    Path dir;

    /** A heading, a paragraph, a 4 by 3 table with a bold header row, and a paragraph after it. */
    static Path priceList(Path file) {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().text(pdf.bold, 18, 56, 80, "Kitchen prices");
            float top = pdf.paragraph(56, 120, List.of("The office kitchen sells a few things at cost, and the",
                    "list below says what each costs and how many are left."));
            top = pdf.table(top + 10, new float[] {56, 220, 360}, PRICES, true);
            pdf.paragraph(56, top + 10, List.of("Pay at the desk by the door; the till takes coins and cards",
                    "and gives a receipt for every purchase."));
            return pdf.save(file);
        }
    }

    static DocumentPage readFirstPage(Path file) {
        Document document = new Document();
        try (PageSource source = DocumentFiles.open(file, null)) {
            new DocumentReader((image, context) -> {
                throw new SightlineException(Problem.BAD_INPUT, "no OCR here: every page has a text layer");
            }).read(source, PageRange.ALL, document, TaskContext.none());
        }
        return document.pages().get(0);
    }

    private static List<DocumentBlock> tables(DocumentPage page) {
        return page.blocks().stream().filter(b -> b.kind() == BlockKind.TABLE).toList();
    }

    @Test
    void aTableWithABoldHeaderBesideParagraphsIsFoundAndReadByRowWithColumnNames() {
        DocumentPage page = readFirstPage(priceList(dir.resolve("prices.pdf")));

        assertThat(page.blocks()).extracting(DocumentBlock::kind).containsExactly(BlockKind.HEADING,
                BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH);
        DocumentBlock block = tables(page).get(0);
        DocumentTable table = block.table().orElseThrow();
        assertThat(table.rowCount()).isEqualTo(4);
        assertThat(table.columnCount()).isEqualTo(3);
        assertThat(table.header()).isTrue();
        assertThat(table.rows().get(3)).extracting(DocumentTable.Cell::text)
                .containsExactly("Cake | slice", "2.80", "3");
        assertThat(block.lines()).extracting(DocumentLine::text).containsExactly(
                "Row 1: Item; Price; Stock",
                "Row 2: Item, Tea; Price, 4.50; Stock, 12",
                "Row 3: Item, Coffee; Price, 3.20; Stock, 7",
                "Row 4: Item, Cake | slice; Price, 2.80; Stock, 3");
        // Each cell's box is where it stands on the page: the price column right of the item column.
        assertThat(table.rows().get(1).get(1).box().x).isGreaterThan(table.rows().get(1).get(0).box().x + 100);
        assertThat(page.text()).containsSubsequence("list below says", "Row 2: Item, Tea", "Pay at the desk");
    }

    @Test
    void aTableWithoutAHeaderJoinsItsCellsAndTheReadingIsInChineseToo() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("Our week of sport, one day a line."));
            pdf.table(140, new float[] {56, 200, 330}, WEEK, false);
            file = pdf.save(dir.resolve("week.pdf"));
        }
        DocumentTable table = tables(readFirstPage(file)).get(0).table().orElseThrow();
        assertThat(table.header()).isFalse();
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.columnCount()).isEqualTo(3);
        assertThat(table.rowReading(1)).isEqualTo("Row 2: Tuesday; Running; 6:30");

        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(table.rowReading(1)).isEqualTo("第 2 行：Tuesday；Running；6:30");
        DocumentTable prices = tables(readFirstPage(priceList(dir.resolve("prices.pdf")))).get(0).table()
                .orElseThrow();
        assertThat(prices.rowReading(1)).isEqualTo("第 2 行：Item，Tea；Price，4.50；Stock，12");
    }

    @Test
    void cellsSetOnTwoLinesStayOneCellAndARuleOfDashesMarksTheHeader() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page();
            pdf.table(100, new float[] {56, 160, 260}, new String[][] {{"Name", "Value", "Meaning"},
                {"------------------------------------------------------------", "", ""},
                {"MATCH", "1", "Brief information about"}, {"", "", "font matching"},
                {"EDIT", "4", "Monitor edits"}, {"CACHE", "16", "Watch cache files"}}, false);
            file = pdf.save(dir.resolve("wrapped.pdf"));
        }
        DocumentBlock block = tables(readFirstPage(file)).get(0);
        DocumentTable table = block.table().orElseThrow();
        assertThat(table.header()).isTrue();
        assertThat(table.rowCount()).isEqualTo(4);
        assertThat(block.lines()).extracting(DocumentLine::text).containsExactly("Row 1: Name; Value; Meaning",
                "Row 2: Name, MATCH; Value, 1; Meaning, Brief information about font matching",
                "Row 3: Name, EDIT; Value, 4; Meaning, Monitor edits",
                "Row 4: Name, CACHE; Value, 16; Meaning, Watch cache files");
    }

    @Test
    void aTableOfOneRowUnderABoldHeaderIsATableAndTwoUnalignedLinesAreNot() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("The one room booked for the day is on the second floor of the",
                    "building, up the stairs from the front desk and to the left of the lifts."));
            float top = pdf.table(140, new float[] {56, 200, 330}, new String[][] {{"Room", "Floor", "Seats"},
                {"Library", "2", "12"}}, true);
            pdf.paragraph(56, top + 10, List.of("Bring your own lunch, as the kitchen on that floor is closed for",
                    "the whole week while its floor and its cupboards are being replaced."));
            // A bold line in two pieces over a line whose pieces start elsewhere: a heading and a note, no table.
            pdf.text(pdf.bold, 11, 56, 300, "Opening hours");
            pdf.text(pdf.bold, 11, 300, 300, "Closed on Sundays");
            pdf.text(pdf.regular, 11, 120, 316, "Monday to Friday");
            pdf.text(pdf.regular, 11, 400, 316, "nine to five");
            file = pdf.save(dir.resolve("one-row.pdf"));
        }
        DocumentPage page = readFirstPage(file);

        List<DocumentBlock> found = tables(page);
        assertThat(found).hasSize(1);
        DocumentTable table = found.get(0).table().orElseThrow();
        assertThat(table.header()).isTrue();
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.columnCount()).isEqualTo(3);
        assertThat(found.get(0).lines()).extracting(DocumentLine::text).containsExactly("Row 1: Room; Floor; Seats",
                "Row 2: Room, Library; Floor, 2; Seats, 12");
        assertThat(page.text()).containsSubsequence("The one room", "Row 2: Room, Library", "Bring your own lunch,",
                "Opening hours", "Monday to Friday");
    }

    @Test
    void aCellThatComesWithinAWordSpaceOfTheNextIsSplitWhereTheOtherRowsShowTheColumn() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            // The price column starts 4 points after "Chocolate biscuits" ends: closer than a word space here.
            float price = 56 + width(pdf, "Chocolate biscuits") + 4;
            pdf.page().table(100, new float[] {56, price, price + 90}, new String[][] {{"Item", "Price", "Stock"},
                {"Tea", "4.50", "12"}, {"Chocolate biscuits", "3.20", "7"}, {"Cake", "2.80", "3"}}, true);
            file = pdf.save(dir.resolve("close.pdf"));
        }
        DocumentBlock block = tables(readFirstPage(file)).get(0);
        DocumentTable table = block.table().orElseThrow();

        assertThat(table.columnCount()).isEqualTo(3);
        assertThat(table.rowCount()).isEqualTo(4);
        assertThat(table.rows().get(2)).extracting(DocumentTable.Cell::text)
                .containsExactly("Chocolate biscuits", "3.20", "7");
        assertThat(block.lines().get(2).text()).isEqualTo("Row 3: Item, Chocolate biscuits; Price, 3.20; Stock, 7");
        // The split cell's boxes part where the price column starts.
        assertThat(table.rows().get(2).get(1).box().x).isBetween(table.rows().get(1).get(1).box().x - 12,
                table.rows().get(1).get(1).box().x + 12);
    }

    private static float width(TestPdfs pdf, String text) {
        try {
            return pdf.regular.getStringWidth(text) / 1000 * 11;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twoColumnsOfProseAContentsPageKeyDescriptionPairsNamesInColumnsAndAMatrixAreNotTables() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().text(pdf.bold, 20, 56, 80, "A Paper in Two Columns");
            pdf.paragraph(56, 120, List.of("Left column opens the first story of", "the paper and carries it down the",
                    "page line after line until the", "column ends at the bottom margin."));
            pdf.paragraph(310, 120, List.of("Right column holds the second story", "which starts only when the first",
                    "one has been read to its very end,", "whatever a text extraction tool does."));
            pdf.page().text(pdf.bold, 20, 56, 80, "Contents");
            pdf.table(120, new float[] {56, 500}, new String[][] {{"Introduction", "1"}, {"Getting started", "4"},
                {"Reading documents", "9"}, {"Tables", "17"}, {"Index", "30"}}, false);
            pdf.page().text(pdf.bold, 14, 56, 80, "Moving around");
            pdf.table(110, new float[] {56, 120}, new String[][] {{"C-a", "start of line"}, {"C-e", "end of line"},
                {"C-k", "kill the line"}, {"M-f", "forward a word"}}, false);
            pdf.page().text(pdf.bold, 14, 56, 80, "Contributors");
            pdf.table(110, new float[] {56, 220, 380}, new String[][] {{"Ben Abbott", "Drew Abbot", "Nils Abel"},
                {"Andy Adler", "Joel Andersson", "Lachlan Andrew"}, {"Giles Anderson", "Pedro Angelo", "Jo Ansel"}},
                    false);
            pdf.text(pdf.regular, 11, 56, 200, "ans =");
            pdf.table(220, new float[] {80, 140, 200}, new String[][] {{"1", "2", "3"}, {"4", "5", "6"},
                {"7", "8", "9"}}, false);
            file = pdf.save(dir.resolve("not-tables.pdf"));
        }
        Document document = new Document();
        try (PageSource source = DocumentFiles.open(file, null)) {
            new DocumentReader((image, context) -> {
                throw new SightlineException(Problem.BAD_INPUT, "no OCR here");
            }).read(source, PageRange.ALL, document, TaskContext.none());
        }
        assertThat(document.pages()).hasSize(4).allSatisfy(p -> assertThat(tables(p)).isEmpty());
        assertThat(document.pages().get(1).text()).contains("Getting started 4");
    }
}
