package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.i18n.Messages;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;

/** Chinese text layers, multi-page TIFF scans and damaged PDFs, read with the real PP-OCR engine. */
class MoreDocumentsTest {

    /** A TrueType font with Chinese characters, from Debian's fonts-droid-fallback (see .ci/install). */
    private static final Path DROID_FALLBACK = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

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

    private static Document read(Path file) {
        Document document = new Document();
        try (PageSource source = DocumentFiles.open(file, null)) {
            new DocumentReader(engine::read).read(source, PageRange.ALL, document, TaskContext.none());
        }
        return document;
    }

    @Test
    void chineseAndEnglishInOneTextLayer() throws IOException {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            // Noto CJK is an OpenType font with CFF outlines, which PDFBox cannot embed; Droid's are TrueType.
            PDFont chinese = PDType0Font.load(pdf.doc, DROID_FALLBACK.toFile());
            pdf.page().text(chinese, 20, 56, 80, "\u4f1a\u8bae\u901a\u77e5");
            pdf.text(chinese, 11, 56, 120, "\u4f1a\u8bae\u6539\u5230\u661f\u671f\u56db\u4e0a\u5348\u5341\u70b9\uff0c");
            pdf.text(chinese, 11, 56, 134, "\u8bf7\u51c6\u65f6\u53c2\u52a0\u3002");
            pdf.text(pdf.regular, 11, 56, 160, "The meeting moves to Thursday at ten.");
            file = pdf.save(dir.resolve("chinese.pdf"));
        }
        DocumentPage page = read(file).pages().get(0);

        assertThat(page.origin()).isEqualTo(PageOrigin.TEXT_LAYER);
        assertThat(page.blocks()).extracting(DocumentBlock::text).containsExactly("\u4f1a\u8bae\u901a\u77e5",
                "\u4f1a\u8bae\u6539\u5230\u661f\u671f\u56db\u4e0a\u5348\u5341\u70b9\uff0c\u8bf7\u51c6\u65f6\u53c2\u52a0\u3002",
                "The meeting moves to Thursday at ten.");
        assertThat(page.blocks().get(0).kind()).isEqualTo(BlockKind.HEADING);
    }

    @Test
    void aMultiPageTiffIsReadPageByPage() throws IOException {
        Path file = dir.resolve("scan.tiff");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (String line : List.of("Page one of the scanned letter.", "Page two ends the letter.")) {
                BufferedImage page = TestPdfs.scan(100, 16, List.of(line));
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        Document document = read(file);

        assertThat(document.pageCount()).isEqualTo(2);
        assertThat(document.pages()).extracting(DocumentPage::origin).containsOnly(PageOrigin.OCR);
        assertThat(document.pages().get(0).text()).contains("Page one of the scanned letter");
        assertThat(document.pages().get(1).text()).contains("Page two ends the letter");
    }

    @Test
    @Tag("slow")
    void aPageHoldingA100MegapixelScanIsDrawnWithinTheLimits() {
        BufferedImage huge = new BufferedImage(8400, 11900, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = huge.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, huge.getWidth(), huge.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(org.sightline.vision.testing.TestFonts.sans(java.awt.Font.PLAIN, 180));
        g.drawString("A very large scan of one short line.", 1000, 2000);
        g.dispose();
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            file = pdf.page().image(huge).save(dir.resolve("huge.pdf"));
        }
        huge = null;
        DocumentPage page = read(file).pages().get(0);

        assertThat((long) page.width() * page.height()).isLessThanOrEqualTo(PdfPages.MAX_PIXELS);
        assertThat(page.dpi()).isEqualTo(PdfPages.MAX_SCAN_DPI);
        assertThat(page.text()).contains("very large scan of one short line");
    }

    /** Code set in a monospaced font inside a line of serif text, scanned: its words come back whole. */
    @Test
    @Tag("slow")
    void monospacedWordsInAScannedLineAreNotSplit() {
        int dpi = 300;
        BufferedImage scan = new BufferedImage((int) Math.round(8.27 * dpi), (int) Math.round(11.69 * dpi),
                BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = scan.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, scan.getWidth(), scan.getHeight());
        g.setColor(java.awt.Color.BLACK);
        java.awt.Font serif = org.sightline.vision.testing.TestFonts.serif(dpi / 6f);
        java.awt.Font mono = org.sightline.vision.testing.TestFonts.mono(dpi / 6f);
        String[][] pieces = {{"The file ", "s"}, {"debian/changelog", "m"}, {" names the ", "s"},
            {"version", "m"}, {" and ", "s"}, {"distribution", "m"}, {".", "s"}};
        int x = dpi;
        for (String[] piece : pieces) {
            g.setFont(piece[1].equals("m") ? mono : serif);
            g.drawString(piece[0], x, 2 * dpi);
            x += g.getFontMetrics().stringWidth(piece[0]);
        }
        g.dispose();
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            file = pdf.page().image(scan).save(dir.resolve("code-in-text.pdf"));
        }

        assertThat(read(file).pages().get(0).text())
                .contains("The file debian/changelog names the version and distribution.");
    }

    /** A scan finer than the OCR resolution is drawn at its own, up to 300 dpi; a coarser one at 200. */
    @ParameterizedTest
    @CsvSource({"150, 200", "300, 300", "450, 300"})
    @Tag("slow")
    void aScanIsDrawnAtItsOwnResolutionWithinLimits(int scanDpi, int drawnDpi) {
        int width = (int) Math.round(8.27 * scanDpi);
        BufferedImage scan = new BufferedImage(width, (int) Math.round(11.69 * scanDpi), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = scan.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, scan.getWidth(), scan.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(org.sightline.vision.testing.TestFonts.serif(scanDpi / 6f));
        g.drawString("Scanned at its own resolution.", scanDpi, scanDpi * 2);
        g.dispose();
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            file = pdf.page().image(scan).save(dir.resolve("scan" + scanDpi + ".pdf"));
        }
        DocumentPage page = read(file).pages().get(0);

        assertThat(page.dpi()).isEqualTo(drawnDpi);
        assertThat(page.text()).contains("Scanned at its own resolution.");
    }

    @Test
    void aDamagedPdfGivesTheReadablePagesAndNamesTheOthers() throws IOException {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            for (String text : List.of("First page is fine.", "Second page will break.", "Third page is fine too.")) {
                pdf.page().paragraph(56, 100, List.of(text));
            }
            file = pdf.save(dir.resolve("damaged.pdf"));
        }
        String bytes = Files.readString(file, StandardCharsets.ISO_8859_1);
        int second = bytes.indexOf("stream", bytes.indexOf("9 0 obj")) + 7;
        byte[] raw = Files.readAllBytes(file);
        for (int i = second; i < second + 40; i++) {
            raw[i] = (byte) ('A' + i % 26);
        }
        Files.write(file, raw);
        Document document = read(file);

        assertThat(document.pages()).extracting(DocumentPage::text).containsExactly("First page is fine.",
                "Third page is fine too.");
        assertThat(document.failures()).containsExactly(
                java.util.Map.entry(2, "Page 2 is damaged: its content cannot be decoded."));
    }
}
