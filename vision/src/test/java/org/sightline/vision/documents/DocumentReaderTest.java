package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;

/** Real PDFs written by PDFBox, read back through the text layer or the real PP-OCR engine. */
class DocumentReaderTest {

    private static final List<String> LEFT = List.of(
            "Left column opens the first story of", "the paper and carries it down the", "page line after line until the",
            "column ends at the bottom margin.", "A reader must hear all of it before", "the other column begins.");
    private static final List<String> RIGHT = List.of(
            "Right column holds the second story", "which starts only when the first one", "has been read to its very end,",
            "whatever the text extraction tool", "would do if it read straight across", "both columns at once.");

    @TempDir
    static Path models;
    @TempDir
    Path dir;

    private static OcrEngine engine;
    private Locale saved;

    @BeforeAll
    static void loadEngine() {
        engine = PpOcrEngine.load(BundledOcrModels.extractTo(models));
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    private static Document read(Path file, String password) {
        Document document = new Document();
        try (PageSource source = DocumentFiles.open(file, password)) {
            new DocumentReader(engine::read).read(source, PageRange.ALL, document, TaskContext.none());
        }
        return document;
    }

    private Path letter() {
        try (TestPdfs pdf = new TestPdfs()) {
            for (int p = 1; p <= 3; p++) {
                pdf.page().text(pdf.regular, 9, 56, 40, "Sightline quarterly letter - page " + p);
                float top = 110;
                if (p == 1) {
                    pdf.text(pdf.bold, 24, 56, 100, "Annual Report");
                    pdf.text(pdf.bold, 16, 56, 140, "Our year in numbers");
                    top = 170;
                }
                top = pdf.paragraph(56, top, List.of("This page " + p + " tells what happened in the year, in plain words",
                        "so that everyone can follow it without the tables."));
                pdf.text(pdf.bold, 11, 56, top, "What we bought");
                pdf.paragraph(56, top + 20, List.of("\u2022 Tea for the office kitchen", "\u2022 Two new chairs",
                        "\u2022 A braille display for the front desk"));
                pdf.text(pdf.regular, 10, 290, 810, String.valueOf(p));
            }
            return pdf.save(dir.resolve("letter.pdf"));
        }
    }

    @Test
    void textLayerGivesHeadingsListsAndLeavesOutRunningLines() {
        Document document = read(letter(), null);

        assertThat(document.pageCount()).isEqualTo(3);
        DocumentPage first = document.pages().get(0);
        assertThat(first.origin()).isEqualTo(PageOrigin.TEXT_LAYER);
        List<DocumentBlock> blocks = first.blocks();
        // The running header is only known as one from the second page on.
        assertThat(blocks).extracting(DocumentBlock::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.HEADING,
                BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM,
                BlockKind.LIST_ITEM);
        DocumentBlock title = blocks.stream().filter(b -> b.text().equals("Annual Report")).findFirst().orElseThrow();
        assertThat(title.kind()).isEqualTo(BlockKind.HEADING);
        assertThat(title.level()).isEqualTo(1);
        DocumentBlock sub = blocks.stream().filter(b -> b.text().startsWith("Our year")).findFirst().orElseThrow();
        assertThat(sub.level()).isEqualTo(2);
        DocumentBlock bought = blocks.stream().filter(b -> b.text().equals("What we bought")).findFirst().orElseThrow();
        assertThat(bought.kind()).isEqualTo(BlockKind.HEADING);
        assertThat(bought.level()).isEqualTo(4);
        assertThat(blocks.stream().filter(b -> b.kind() == BlockKind.LIST_ITEM).map(DocumentBlock::text))
                .containsExactly("\u2022 Tea for the office kitchen", "\u2022 Two new chairs",
                        "\u2022 A braille display for the front desk");
        assertThat(blocks.stream().filter(b -> b.kind() == BlockKind.PARAGRAPH).map(DocumentBlock::text))
                .contains("This page 1 tells what happened in the year, in plain words so that everyone can follow "
                        + "it without the tables.");
        assertThat(first.label()).contains("1");
        assertThat(first.furniture()).extracting(DocumentLine::text).containsExactly("1");

        DocumentPage second = document.pages().get(1);
        assertThat(second.label()).contains("2");
        assertThat(second.furniture()).extracting(DocumentLine::text)
                .containsExactlyInAnyOrder("Sightline quarterly letter - page 2", "2");
        assertThat(second.text()).doesNotContain("quarterly letter").startsWith("This page 2 tells");
    }

    @Test
    void aPageNumberAtTheFarEndOfTheRunningHeadersRowIsTheLabelFromTheFirstPage() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().text(pdf.regular, 10, 56, 40, "Chapter 7: Reference");
            pdf.text(pdf.regular, 10, 530, 40, "15");
            pdf.paragraph(56, 120, LEFT);
            file = pdf.save(dir.resolve("header.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        assertThat(page.label()).contains("15");
        assertThat(page.furniture()).extracting(DocumentLine::text).containsExactly("15");
        assertThat(page.text()).startsWith("Chapter 7: Reference").doesNotContain("15");
    }

    @Test
    void twoColumnsAreReadOneAfterTheOther() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().text(pdf.bold, 20, 56, 80, "A Paper in Two Columns");
            pdf.paragraph(56, 120, LEFT);
            pdf.paragraph(310, 120, RIGHT);
            file = pdf.save(dir.resolve("columns.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        assertThat(page.blocks()).extracting(DocumentBlock::text).containsExactly("A Paper in Two Columns",
                String.join(" ", LEFT), String.join(" ", RIGHT));
        assertThat(page.blocks().get(0).kind()).isEqualTo(BlockKind.HEADING);
    }

    @Test
    void columnsOfKeyAndDescriptionPairsAreReadColumnByColumn() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page();
            String[][] columns = {{"C-a", "start of line", "C-e", "end of line", "C-k", "kill the line"},
                {"M-f", "forward a word", "M-b", "back a word", "M-d", "delete a word"},
                {"C-s", "search forward", "C-r", "search back", "C-g", "quit the search"}};
            // Each column has its own heading and spacing, as sections shift a real card's rows apart.
            for (int c = 0; c < 3; c++) {
                pdf.text(pdf.bold, 11, 40 + 180 * c, 90 + 7 * c, "Section " + (c + 1));
                for (int r = 0; r < 3; r++) {
                    float top = 106 + 7 * c + (12 + c) * r;
                    pdf.text(pdf.regular, 9, 40 + 180 * c, top, columns[c][2 * r]);
                    pdf.text(pdf.regular, 9, 80 + 180 * c, top, columns[c][2 * r + 1]);
                }
            }
            file = pdf.save(dir.resolve("card.pdf"));
        }
        String text = read(file, null).pages().get(0).text();

        assertThat(text).containsSubsequence("Section 1", "C-a start of line", "C-k kill the line", "Section 2",
                "M-f forward a word", "M-d delete a word", "Section 3", "C-s search forward", "C-g", "quit the search");
    }

    @Test
    void aTableIsReadRowByRow() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page();
            String[][] rows = {{"Item", "Price"}, {"Tea", "4.50"}, {"Coffee", "3.20"}, {"Cake", "2.80"}};
            for (int r = 0; r < rows.length; r++) {
                pdf.text(pdf.regular, 11, 56, 100 + 16 * r, rows[r][0]);
                pdf.text(pdf.regular, 11, 300, 100 + 16 * r, rows[r][1]);
            }
            file = pdf.save(dir.resolve("table.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        // Words above a column of numbers make a header row even without bold; each cell is read with its name.
        assertThat(page.blocks()).singleElement().satisfies(b -> assertThat(b.kind()).isEqualTo(BlockKind.TABLE));
        assertThat(page.text()).isEqualTo("Row 1: Item; Price\nRow 2: Item, Tea; Price, 4.50\n"
                + "Row 3: Item, Coffee; Price, 3.20\nRow 4: Item, Cake; Price, 2.80");
    }

    @Test
    void anImageOnlyPageIsReadByOcr() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().image(TestPdfs.scan(150, 14, List.of("Dear customer, your invoice number", "is 40512 and it is due in May.")));
            file = pdf.save(dir.resolve("scan.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        assertThat(page.origin()).isEqualTo(PageOrigin.OCR);
        assertThat(page.text()).contains("invoice number").contains("40512").contains("due in May");
    }

    @Test
    void aScannedTableIsFoundByOcrAndReadByRow() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().image(TestPdfs.scanTable(150, 14, "Prices in the kitchen this week", new float[] {72, 250, 400},
                    new String[][] {{"Item", "Price", "Stock"}, {"Tea", "4.50", "12"}, {"Coffee", "3.20", "7"},
                        {"Cake", "2.80", "3"}}));
            file = pdf.save(dir.resolve("scanned-table.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        assertThat(page.origin()).isEqualTo(PageOrigin.OCR);
        assertThat(page.blocks()).extracting(DocumentBlock::kind).containsExactly(BlockKind.PARAGRAPH,
                BlockKind.TABLE);
        assertThat(page.blocks().get(0).text()).isEqualTo("Prices in the kitchen this week");
        DocumentTable table = page.blocks().get(1).table().orElseThrow();
        assertThat(table.rowCount()).isEqualTo(4);
        assertThat(table.columnCount()).isEqualTo(3);
        // No bold on a scan: the header is the row of words above columns of numbers.
        assertThat(table.header()).isTrue();
        assertThat(page.blocks().get(1).lines()).extracting(DocumentLine::text).containsExactly(
                "Row 1: Item; Price; Stock", "Row 2: Item, Tea; Price, 4.50; Stock, 12",
                "Row 3: Item, Coffee; Price, 3.20; Stock, 7", "Row 4: Item, Cake; Price, 2.80; Stock, 3");
    }

    /** Thirty lines of body text, enough to reach the lower part of a scanned A4 page. */
    private static List<String> reportBody() {
        List<String> body = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            body.add("Paragraph line " + i + " of the annual report tells the readers how the year went.");
        }
        return body;
    }

    private static final List<String> NOTES = List.of("1 The survey asked 200 readers by telephone.",
            "2 Their letter of 3 March gives the prices of the", "coming year for each kind of paper.");

    @Test
    void footnotesUnderARuleOnAScannedPageAreReadAfterTheBodyWithTheirMark() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().image(TestPdfs.scanWithNotes(200, reportBody(), NOTES, true, "7"));
            file = pdf.save(dir.resolve("scanned-notes.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        assertThat(page.origin()).isEqualTo(PageOrigin.OCR);
        List<DocumentBlock> notes = page.blocks().stream().filter(b -> b.kind() == BlockKind.FOOTNOTE).toList();
        assertThat(notes).extracting(b -> b.mark().orElseThrow()).containsExactly("1", "2");
        assertThat(notes.get(0).text()).isEqualTo("Footnote 1: The survey asked 200 readers by telephone.");
        assertThat(notes.get(1).text()).isEqualTo("Footnote 2: Their letter of 3 March gives the prices of the "
                + "coming year for each kind of paper.");
        assertThat(page.text()).contains("Paragraph line 30 of the annual report")
                .endsWith("coming year for each kind of paper.");
        assertThat(page.label()).hasValue("7");
    }

    @Test
    void smallLinesUnderTheBodyOfAScanWithoutARuleOrGapStayText() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().image(TestPdfs.scanWithNotes(200, reportBody(), NOTES, false, "7"));
            file = pdf.save(dir.resolve("scanned-small-lines.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        assertThat(page.blocks()).extracting(DocumentBlock::kind).doesNotContain(BlockKind.FOOTNOTE);
        assertThat(page.text()).contains("1 The survey asked 200 readers by telephone.");
    }

    @Test
    void aScanWithAGarbageHiddenOcrLayerIsReadAgain() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().image(TestPdfs.scan(150, 14, List.of("The meeting moves to Thursday", "at ten in the morning.")));
            pdf.text(pdf.regular, 14, 72, 90, "Tbq rnccf#g rnvvz tq Thvrzdqy", RenderingMode.NEITHER);
            pdf.text(pdf.regular, 14, 72, 112, "@t t3n 1n th3 rnqrnjng.", RenderingMode.NEITHER);
            file = pdf.save(dir.resolve("bad-layer.pdf"));
        }
        DocumentPage page = read(file, null).pages().get(0);

        assertThat(page.origin()).isEqualTo(PageOrigin.OCR);
        assertThat(page.text()).contains("meeting moves to Thursday").doesNotContain("rnccf");
    }

    @Test
    void pagesStreamOneByOneAndCancellingKeepsWhatWasRead() {
        Path file = letter();
        CancellationToken token = new CancellationToken();
        Document kept = new Document();
        List<Integer> seen = new ArrayList<>();
        DocumentListener listener = new DocumentListener() {
            @Override
            public void onPage(DocumentPage page) {
                kept.onPage(page);
                seen.add(page.number());
                token.cancel();
            }
        };
        try (PageSource source = DocumentFiles.open(file, null)) {
            assertThatThrownBy(() -> new DocumentReader(engine::read).read(source, PageRange.ALL, listener,
                    TaskContext.of(token, p -> { }))).isInstanceOf(CancelledException.class);
        }
        assertThat(seen).containsExactly(1);
        assertThat(kept.text()).contains("Annual Report");
    }

    @Test
    void aPageRangeReadsOnlyThosePages() {
        Document document = new Document();
        try (PageSource source = DocumentFiles.open(letter(), null)) {
            new DocumentReader(engine::read).read(source, PageRange.parse("2-"), document, TaskContext.none());
        }
        assertThat(document.pages()).extracting(DocumentPage::number).containsExactly(2, 3);
        assertThatThrownBy(() -> PageRange.parse("seven")).hasMessageContaining("'seven' is not a page range");
    }

    @Test
    void encryptedPdfNeedsItsPassword() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("The secret recipe needs two spoons of honey."));
            file = pdf.encrypt("honey").save(dir.resolve("locked.pdf"));
        }
        assertThatThrownBy(() -> read(file, null)).isInstanceOf(SightlineException.class)
                .hasMessage(file + " is protected by a password. Give it with --password.");
        assertThatThrownBy(() -> read(file, "bee")).hasMessageContaining("password for").hasMessageContaining("is not right");
        assertThat(read(file, "honey").text()).isEqualTo("The secret recipe needs two spoons of honey.");
    }

    @Test
    void zeroPagesAndFakePdfsGetOneClearMessage() throws IOException {
        Path empty = dir.resolve("empty.pdf");
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.doc.save(empty.toFile());
        }
        assertThatThrownBy(() -> read(empty, null)).isInstanceOf(SightlineException.class)
                .hasMessage(empty + " has no pages.");
        Path fake = Files.writeString(dir.resolve("fake.pdf"), "Just some notes, not a PDF at all.");
        assertThatThrownBy(() -> read(fake, null)).hasMessage(fake + " is not a PDF: it is named like one but does "
                + "not start like one.");
        Path broken = Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n%%garbage with no objects".getBytes());
        assertThatThrownBy(() -> read(broken, null)).satisfies(e -> {
            assertThat(((SightlineException) e).problem()).isEqualTo(Problem.BAD_INPUT);
            assertThat(e).hasMessage(broken + " is damaged and cannot be opened as a PDF.");
        });
    }
}
