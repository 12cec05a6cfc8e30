package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.vision.documents.TestPdfs;

import org.sightline.vision.testing.EnglishOfflineStore;

/** {@code sightline read} of documents end to end: real PDFs written by PDFBox, the real OCR for scans. */
@ExtendWith(EnglishOfflineStore.class)
class ReadDocumentTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Two pages: a title over two columns, then a heading and a bulleted list. */
    private Path paper() {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().text(pdf.bold, 22, 56, 80, "Reading in Columns");
            pdf.paragraph(56, 120, List.of("The left column comes first and", "ends here at its last line."));
            pdf.paragraph(310, 120, List.of("The right column comes second and", "closes the first page."));
            pdf.page().text(pdf.bold, 16, 56, 80, "Shopping & more");
            pdf.paragraph(56, 110, List.of("\u2022 Green tea", "\u2022 Oat <milk>"));
            return pdf.save(dir.resolve("paper.pdf"));
        }
    }

    @Test
    void printsAMultiColumnPdfInReadingOrderWithPageMarkers() {
        Run r = run("read", paper().toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("--- Page 1 ---\n\nReading in Columns\n\n"
                + "The left column comes first and ends here at its last line.\n\n"
                + "The right column comes second and closes the first page.\n\n"
                + "--- Page 2 ---\n\nShopping & more\n\n\u2022 Green tea\n\n\u2022 Oat <milk>\n\n");
    }

    @Test
    void exportsMarkdownAndHtmlWithHeadingsListsAndPageMarkers() throws Exception {
        Path md = dir.resolve("paper.md");
        Run r = run("read", paper().toString(), "--format", "md", "--out", md.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("Wrote " + md + "\n");
        assertThat(Files.readString(md)).isEqualTo("*Page 1*\n\n# Reading in Columns\n\n"
                + "The left column comes first and ends here at its last line.\n\n"
                + "The right column comes second and closes the first page.\n\n"
                + "---\n\n*Page 2*\n\n## Shopping & more\n\n- Green tea\n- Oat \\<milk\\>\n\n");
        assertThat(dir.resolve("paper.md.part")).doesNotExist();

        Path html = dir.resolve("paper.html");
        assertThat(run("read", paper().toString(), "--format=html", "--out", html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).contains("<html lang=\"en\">", "<title>paper.pdf</title>",
                "<section id=\"page-2\" aria-label=\"Page 2\">", "<h1>Reading in Columns</h1>",
                "<h2>Shopping &amp; more</h2>", "<ul>\n<li>Green tea</li>\n<li>Oat &lt;milk&gt;</li>\n</ul>",
                "</body>\n</html>");
    }

    @Test
    void jsonKeepsStructureAndPageRangeSelectsPages() throws Exception {
        Run r = run("read", paper().toString(), "--format", "json", "--pages", "2");

        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("pageCount").asInt()).isEqualTo(2);
        assertThat(root.get("pages")).hasSize(1);
        JsonNode page = root.get("pages").get(0);
        assertThat(page.get("number").asInt()).isEqualTo(2);
        assertThat(page.get("origin").asText()).isEqualTo("text_layer");
        assertThat(page.get("blocks").get(0).get("kind").asText()).isEqualTo("heading");
        assertThat(page.get("blocks").get(0).get("level").asInt()).isEqualTo(2);
        assertThat(page.get("blocks").get(1).get("kind").asText()).isEqualTo("list_item");
    }

    /** A heading, a paragraph, a price list of 4 rows and 3 columns under a bold header row, a paragraph. */
    private Path prices() {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().text(pdf.bold, 18, 56, 80, "Kitchen prices");
            float y = pdf.paragraph(56, 120, List.of("What the kitchen sells at cost."));
            y = pdf.table(y + 10, new float[] {56, 220, 360}, new String[][] {{"Item", "Price", "Stock"},
                {"Tea", "4.50", "12"}, {"Coffee", "3.20", "7"}, {"Cake | slice", "2.80", "3"}}, true);
            pdf.paragraph(56, y + 10, List.of("Pay at the desk."));
            return pdf.save(dir.resolve("prices.pdf"));
        }
    }

    @Test
    void tablesAreReadByRowAndExportedAsTables() throws Exception {
        Path file = prices();

        Run txt = run("read", file.toString());
        assertThat(txt.exit()).isZero();
        assertThat(txt.out()).isEqualTo("--- Page 1 ---\n\nKitchen prices\n\nWhat the kitchen sells at cost.\n\n"
                + "Row 1: Item; Price; Stock\nRow 2: Item, Tea; Price, 4.50; Stock, 12\n"
                + "Row 3: Item, Coffee; Price, 3.20; Stock, 7\nRow 4: Item, Cake | slice; Price, 2.80; Stock, 3\n\n"
                + "Pay at the desk.\n\n");

        Run md = run("read", file.toString(), "--format", "md");
        assertThat(md.out()).isEqualTo("*Page 1*\n\n## Kitchen prices\n\nWhat the kitchen sells at cost.\n\n"
                + "| Item | Price | Stock |\n| --- | --- | --- |\n| Tea | 4.50 | 12 |\n| Coffee | 3.20 | 7 |\n"
                + "| Cake \\| slice | 2.80 | 3 |\n\nPay at the desk.\n\n");

        Run html = run("read", file.toString(), "--format", "html");
        assertThat(html.out()).contains("<p>What the kitchen sells at cost.</p>\n<table>\n"
                + "<caption>Table, 4 rows, 3 columns</caption>\n<thead>\n<tr><th scope=\"col\">Item</th>"
                + "<th scope=\"col\">Price</th><th scope=\"col\">Stock</th></tr>\n</thead>\n<tbody>\n"
                + "<tr><td>Tea</td><td>4.50</td><td>12</td></tr>\n<tr><td>Coffee</td><td>3.20</td><td>7</td></tr>\n"
                + "<tr><td>Cake | slice</td><td>2.80</td><td>3</td></tr>\n</tbody>\n</table>\n<p>Pay at the desk.</p>");

        Run json = run("read", file.toString(), "--format", "json");
        JsonNode blocks = new ObjectMapper().readTree(json.out()).get("pages").get(0).get("blocks");
        assertThat(blocks).extracting(b -> b.get("kind").asText()).containsExactly("heading", "paragraph", "table",
                "paragraph");
        JsonNode table = blocks.get(2).get("table");
        assertThat(table.get("rowCount").asInt()).isEqualTo(4);
        assertThat(table.get("columnCount").asInt()).isEqualTo(3);
        assertThat(table.get("header").asBoolean()).isTrue();
        assertThat(table.get("rows")).hasSize(4);
        assertThat(table.get("rows").get(2)).extracting(c -> c.get("text").asText())
                .containsExactly("Coffee", "3.20", "7");
        assertThat(table.get("rows").get(2).get(1).get("x").asInt())
                .isGreaterThan(table.get("rows").get(2).get(0).get("x").asInt());
        assertThat(blocks.get(2).get("lines").get(1).get("text").asText())
                .isEqualTo("Row 2: Item, Tea; Price, 4.50; Stock, 12");
    }

    @Test
    void aTableWithoutHeaderGetsAnEmptyMarkdownHeaderAndNoColumnHeadersInHtml() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().table(100, new float[] {56, 200, 330}, new String[][] {{"Monday", "Swimming", "7:00"},
                {"Tuesday", "Running", "6:30"}, {"Wednesday", "Rest", "9:00"}}, false);
            file = pdf.save(dir.resolve("week.pdf"));
        }
        assertThat(run("read", file.toString()).out()).isEqualTo("--- Page 1 ---\n\n"
                + "Row 1: Monday; Swimming; 7:00\nRow 2: Tuesday; Running; 6:30\nRow 3: Wednesday; Rest; 9:00\n\n");
        assertThat(run("read", file.toString(), "--format", "md").out()).isEqualTo("*Page 1*\n\n"
                + "|  |  |  |\n| --- | --- | --- |\n| Monday | Swimming | 7:00 |\n| Tuesday | Running | 6:30 |\n"
                + "| Wednesday | Rest | 9:00 |\n\n");
        assertThat(run("read", file.toString(), "--format", "html").out())
                .contains("<caption>Table, 3 rows, 3 columns</caption>\n<tbody>\n<tr><td>Monday</td>")
                .doesNotContain("<th");
    }

    @Test
    void badDocumentsAndOptionsGetOneLineAndExitCode3() throws Exception {
        Path locked;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("Locked away."));
            locked = pdf.encrypt("key").save(dir.resolve("locked.pdf"));
        }
        Run noPassword = run("read", locked.toString());
        assertThat(noPassword.exit()).isEqualTo(3);
        assertThat(noPassword.err()).isEqualTo(locked + " is protected by a password. Give it with --password.\n");
        Run withPassword = run("read", locked.toString(), "--password", "key");
        assertThat(withPassword.out()).contains("Locked away.");

        Run badRange = run("read", paper().toString(), "--pages", "9");
        assertThat(badRange.exit()).isEqualTo(3);
        assertThat(badRange.err()).isEqualTo("The document has 2 pages, so there is no page 9.\n");

        Run badFormat = run("read", paper().toString(), "--format", "docx");
        assertThat(badFormat.exit()).isEqualTo(3);
        assertThat(badFormat.err()).contains("docx is not a format Sightline writes");

        Path fake = Files.writeString(dir.resolve("notes.pdf"), "plain notes");
        Run notPdf = run("read", fake.toString());
        assertThat(notPdf.exit()).isEqualTo(3);
        assertThat(notPdf.err()).isEqualTo(fake + " is not a PDF: it is named like one but does not start like one.\n");
    }

    @Test
    void aFolderOfScannedPagesIsReadByOcrInPageOrder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("scans"));
        ImageIO.write(TestPdfs.scan(100, 16, List.of("Second page says goodbye.")), "png",
                folder.resolve("page10.png").toFile());
        ImageIO.write(TestPdfs.scan(100, 16, List.of("First page says hello.")), "png",
                folder.resolve("page2.png").toFile());

        Run r = run("read", folder.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsSubsequence("--- Page 1 ---", "First page says hello", "--- Page 2 ---",
                "Second page says goodbye");
    }
}
