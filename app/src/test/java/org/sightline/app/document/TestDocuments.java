package org.sightline.app.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.vision.documents.TestPdfs;

/** The PDFs the document mode's tests read, written by PDFBox through vision's test helper. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** Three pages: a title and a section on the first, a section on the second, one closing line. */
    public static Path report(Path dir) {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().text(pdf.bold, 22, 56, 80, "Annual Report");
            float y = pdf.paragraph(56, 120, List.of("The year began quietly.", "Sales rose in spring."));
            pdf.text(pdf.bold, 16, 56, y + 10, "Costs");
            pdf.paragraph(56, y + 40, List.of("Rent went up."));
            pdf.page().text(pdf.bold, 16, 56, 80, "Staff");
            pdf.paragraph(56, 110, List.of("Four people joined.", "Invoice number 4471 is paid."));
            pdf.page().paragraph(56, 100, List.of("The end of the report."));
            return pdf.save(dir.resolve("report.pdf"));
        }
    }

    /**
     * Two pages with a table each: a price list of 4 rows and 3 columns under a bold header row, between two
     * paragraphs; then a week's plan of 3 rows and 3 columns with no header.
     */
    public static Path tables(Path dir) {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page();
            float y = pdf.paragraph(56, 100, List.of("The kitchen sells a few things at cost."));
            y = pdf.table(y + 10, new float[] {56, 220, 360}, new String[][] {{"Item", "Price", "Stock"},
                {"Tea", "4.50", "12"}, {"Coffee", "3.20", "7"}, {"Cake", "2.80", "3"}}, true);
            pdf.paragraph(56, y + 10, List.of("Pay at the desk by the door."));
            pdf.page();
            y = pdf.paragraph(56, 100, List.of("Our week of sport."));
            pdf.table(y + 10, new float[] {56, 200, 330}, new String[][] {{"Monday", "Swimming", "7:00"},
                {"Tuesday", "Running", "6:30"}, {"Wednesday", "Rest", "9:00"}}, false);
            return pdf.save(dir.resolve("tables.pdf"));
        }
    }

    /**
     * Two pages: a paragraph with a raised 1 and its note in 8 points at the foot of the first page, above the
     * page number; one line on the second.
     */
    public static Path footnoted(Path dir) {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().textWithMark(pdf.regular, 11, 56, 100, "The survey of this year asked what readers want", "1");
            pdf.paragraph(56, 114, List.of("and most asked for larger print."));
            pdf.text(pdf.regular, 8, 56, 770, "1 The survey asked 200 readers by telephone.");
            pdf.text(pdf.regular, 10, 290, 810, "1");
            pdf.page().paragraph(56, 100, List.of("The second page."));
            return pdf.save(dir.resolve("footnoted.pdf"));
        }
    }

    /** One page that opens only with {@code password}. */
    public static Path locked(Path dir, String password) {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("The locked letter is read."));
            return pdf.encrypt(password).save(dir.resolve("locked.pdf"));
        }
    }

    /** Three pages of which the second's drawing is overwritten with letters, so it cannot be decoded. */
    public static Path damaged(Path dir) {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("Page one reads well."));
            pdf.page().paragraph(56, 100, List.of("Page two is lost."));
            pdf.page().paragraph(56, 100, List.of("Page three reads well."));
            file = pdf.save(dir.resolve("damaged.pdf"));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            // The second page's content stream (object 9 in what PDFBox writes), all its bytes replaced.
            int at = text.indexOf("stream", text.indexOf("9 0 obj")) + "stream\r\n".length();
            int end = text.indexOf("\r\nendstream", at);
            for (int i = at; i < end; i++) {
                bytes[i] = (byte) ('a' + i % 26);
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
