package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.vision.documents.export.DocumentFormat;
import org.sightline.vision.documents.export.DocumentWriter;
import org.sightline.vision.testing.EnglishMessages;

/** Footnotes at the foot of real PDF pages written by PDFBox: found, read after the body, exported as notes. */
@ExtendWith(EnglishMessages.class)
class DocumentFootnotesTest {

    @TempDir
    Path dir;

    /**
     * Two paragraphs of 11-point body text, the first with a raised 1 after "spring", the second with a raised
     * 2; two notes in 8 points at the foot of the page (the second on two lines); the page number below them.
     */
    private Path letter() {
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page();
            pdf.text(pdf.regular, 11, 56, 100, "Our readers were asked what they want in the spring");
            pdf.textWithMark(pdf.regular, 11, 56, 114, "survey of this year, and most asked for larger print", "1");
            pdf.text(pdf.regular, 11, 56, 128, "and for letters they can hear.");
            pdf.text(pdf.regular, 11, 56, 152, "The printing costs went up by a tenth, which the new");
            pdf.textWithMark(pdf.regular, 11, 56, 166, "paper supplier explains", "2");
            pdf.text(pdf.regular, 8, 56, 760, "1 The survey asked 200 readers by telephone.");
            pdf.text(pdf.regular, 8, 56, 775, "2 Their letter of 3 March gives the prices of the");
            pdf.text(pdf.regular, 8, 56, 785, "coming year for each kind of paper.");
            pdf.text(pdf.regular, 10, 290, 810, "7");
            return pdf.save(dir.resolve("footnotes.pdf"));
        }
    }

    @Test
    void notesAtTheFootOfThePageAreReadAfterTheBodyWithTheirMark() {
        DocumentPage page = DocumentTablesTest.readFirstPage(letter());

        assertThat(page.blocks()).extracting(DocumentBlock::kind).containsExactly(BlockKind.PARAGRAPH,
                BlockKind.PARAGRAPH, BlockKind.FOOTNOTE, BlockKind.FOOTNOTE);
        // The mark stays a raised digit in the body, not run into the word ("survey1").
        assertThat(page.blocks().get(0).text()).isEqualTo("Our readers were asked what they want in the spring "
                + "survey of this year, and most asked for larger print\u00b9 and for letters they can hear.");
        assertThat(page.blocks().get(2).mark()).hasValue("1");
        assertThat(page.blocks().get(2).text()).isEqualTo("Footnote 1: The survey asked 200 readers by telephone.");
        assertThat(page.blocks().get(3).text()).isEqualTo("Footnote 2: Their letter of 3 March gives the prices of "
                + "the coming year for each kind of paper.");
        assertThat(page.blocks().get(3).lineReading(0))
                .isEqualTo("Footnote 2: Their letter of 3 March gives the prices of the");
        assertThat(page.text()).endsWith("explains\u00b2\n\nFootnote 1: The survey asked 200 readers by telephone."
                + "\n\nFootnote 2: Their letter of 3 March gives the prices of the coming year for each kind of "
                + "paper.");
        assertThat(page.label()).hasValue("7");
        assertThat(page.furniture()).extracting(DocumentLine::text).containsExactly("7");
    }

    @Test
    void aNoteAcrossTheFootOfTwoColumnsIsNotReadBetweenThem() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page();
            for (int r = 0; r < 45; r++) {
                float top = 80 + 14 * r;
                if (r == 10) {
                    pdf.textWithMark(pdf.regular, 11, 56, top, "Left column line " + r + " of the story", "1");
                } else {
                    pdf.text(pdf.regular, 11, 56, top, "Left column line " + r + " of the story");
                }
                pdf.text(pdf.regular, 11, 310, top, "Right column line " + r + " of the story");
            }
            // The note's mark set raised at its start, as LaTeX sets it; the note as wide as both columns.
            pdf.text(pdf.regular, 5, 56, 737, "1");
            pdf.text(pdf.regular, 8, 60, 740, "A note that runs across both columns at the foot of the page, so that "
                    + "a reader who takes it for a column");
            pdf.text(pdf.regular, 8, 56, 750, "would read it in the middle of the story.");
            file = pdf.save(dir.resolve("columns.pdf"));
        }
        DocumentPage page = DocumentTablesTest.readFirstPage(file);

        assertThat(page.blocks()).extracting(DocumentBlock::kind).last().isEqualTo(BlockKind.FOOTNOTE);
        String text = page.text();
        assertThat(text).containsSubsequence("Left column line 0", "line 10 of the story\u00b9", "Left column line 44",
                "Right column line 0", "Right column line 44 of the story", "Footnote 1: A note that runs across "
                        + "both columns at the foot of the page, so that a reader who takes it for a column would "
                        + "read it in the middle of the story.");
    }

    @Test
    void smallLinesAtTheFootWithoutAMarkInTheBodyStayText() {
        Path file;
        try (TestPdfs pdf = new TestPdfs()) {
            pdf.page().paragraph(56, 100, List.of("A letter with no notes at all, only a small line",
                    "printed at the foot of its page."));
            pdf.text(pdf.regular, 8, 56, 760, "1 Printed on recycled paper.");
            file = pdf.save(dir.resolve("plain.pdf"));
        }
        DocumentPage page = DocumentTablesTest.readFirstPage(file);

        assertThat(page.blocks()).extracting(DocumentBlock::kind).doesNotContain(BlockKind.FOOTNOTE);
        assertThat(page.text()).endsWith("1 Printed on recycled paper.");
    }

    @Test
    void notesAreExportedAsNotes() {
        DocumentPage page = DocumentTablesTest.readFirstPage(letter());

        String md = export(DocumentFormat.MD, page);
        assertThat(md).contains("larger print[^p1-1] and for letters", "explains[^p1-2]",
                "[^p1-1]: The survey asked 200 readers by telephone.\n",
                "[^p1-2]: Their letter of 3 March gives the prices of the coming year for each kind of paper.\n");
        assertThat(md).doesNotContain("Footnote 1");
        String html = export(DocumentFormat.HTML, page);
        assertThat(html).contains("larger print<sup><a href=\"#note-1-1\" id=\"ref-1-1\">1</a></sup> and",
                "<aside aria-label=\"Footnotes of page 1\">",
                "<p id=\"note-1-1\"><a href=\"#ref-1-1\">1</a> The survey asked 200 readers by telephone.</p>");
        String json = export(DocumentFormat.JSON, page);
        assertThat(json).contains("\"kind\" : \"footnote\"", "\"mark\" : \"1\"",
                "\"text\" : \"Footnote 1: The survey asked 200 readers by telephone.\"");
        String txt = export(DocumentFormat.TXT, page);
        assertThat(txt).contains("Footnote 2: Their letter");
    }

    private static String export(DocumentFormat format, DocumentPage page) {
        StringWriter out = new StringWriter();
        DocumentWriter writer = format.writer(out, "footnotes.pdf");
        writer.onStart(1, 1);
        writer.onPage(page);
        writer.finish();
        return out.toString();
    }
}
