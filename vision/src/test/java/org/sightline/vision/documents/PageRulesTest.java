package org.sightline.vision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.vision.testing.TestFonts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page rules that need no PDF and no model: the garbage check, running lines, entries, skew. */
class PageRulesTest {

    private static DocumentLine line(String text, int y) {
        return new DocumentLine(text, new Rectangle(100, y, 8 * text.length(), 20), 20, false);
    }

    /** An OCR line: its box {@code width} wide and 30 pixels high at {@code y}, as a 300-dpi scan gives them. */
    private static DocumentLine ocrLine(String text, int y, int width) {
        return new DocumentLine(text, new Rectangle(300, y, width, 30), 30, false);
    }

    @Test
    void notesOnAScanAreTheSmallLinesSetApartAtTheFootEachFromItsMark() {
        List<DocumentLine> page = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            page.add(ocrLine("Body line " + i + " of the page, in the size most of its words are set in.", 300 + 60 * i,
                    1700));
        }
        // Smaller type: more characters over the same width. The second note's mark ran into its first word.
        page.add(ocrLine("3 Mistakes are best rectified by a new entry rather than by editing old entries.", 2760,
                1300));
        page.add(ocrLine("4Although nothing stops an author who is also the maintainer from using this changelog "
                + "for all changes,", 2805, 1700));
        page.add(ocrLine("it will have to be renamed if the two maintainers become different people.", 2850, 1150));
        page.add(ocrLine("21", 3200, 40));

        PageFootnotes.Split split = PageFootnotes.scanned(page, 3300, (top, bottom, length) -> false);

        assertThat(split.notes()).extracting(b -> b.mark().orElseThrow()).containsExactly("3", "4");
        assertThat(split.notes().get(1).noteText()).startsWith("Although nothing stops").endsWith("different people.");
        assertThat(split.body()).hasSize(41).last().extracting(DocumentLine::text).isEqualTo("21");
    }

    @Test
    void smallLinesRightUnderTheBodyOfAScanAreNotesOnlyUnderARule() {
        List<DocumentLine> page = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            page.add(ocrLine("Body line " + i + " of the page, in the size most of its words are set in.", 300 + 60 * i,
                    1700));
        }
        page.add(ocrLine("1 The survey asked two hundred readers by telephone, over a week in March.", 2690, 1150));

        assertThat(PageFootnotes.scanned(page, 3300, (top, bottom, length) -> false).notes()).isEmpty();
        assertThat(PageFootnotes.scanned(page, 3300, (top, bottom, length) -> top < 2700 && bottom > 2670)
                .notes()).extracting(b -> b.mark().orElseThrow()).containsExactly("1");
    }

    @Test
    void realTextPassesAndGarbageLayersDoNot() {
        assertThat(TextLayerCheck.plausibility("The package x86_64 build uses ISO-8859-1 and 3rd-party code, "
                + "see section 4.2 (page 17).")).isGreaterThan(0.9);
        assertThat(TextLayerCheck.plausibility("\u4f1a\u8bae\u6539\u5230\u661f\u671f\u56db 10:00")).isEqualTo(1.0);
        assertThat(TextLayerCheck.plausibility("Tbq rnccf#g rnvvz tq Thvrzdqy @t t3n 1n th3 rnqrnjng"))
                .isLessThan(TextLayerCheck.MIN_PLAUSIBLE);
        assertThat(TextLayerCheck.plausibility("\ue001\ue002\ue003 \ufffd\ufffd \ue010\ue011")).isZero();
        TextLayer dotsOnly = new TextLayer(List.of(line(". . . . . . . .", 10)), 600, 800, 144, false);
        assertThat(TextLayerCheck.isUsable(dotsOnly)).isFalse();
    }

    @Test
    void runningHeadersAreKnownFromTheSecondPageAndPageNumbersAtOnce() {
        RunningLines running = new RunningLines();
        RunningLines.Split first = running.split(List.of(List.of(line("Chapter 3 - Packaging", 10)),
                List.of(line("Body text of the first page.", 300)), List.of(line("- 41 -", 980))), 1000);
        assertThat(first.furniture()).extracting(DocumentLine::text).containsExactly("- 41 -");
        assertThat(first.label()).contains("41");

        RunningLines.Split second = running.split(List.of(List.of(line("Chapter 3 - Packaging", 12)),
                List.of(line("Body text of the second page.", 300)), List.of(line("Page 42 of 90", 975))), 1000);
        assertThat(second.furniture()).extracting(DocumentLine::text)
                .containsExactly("Chapter 3 - Packaging", "Page 42 of 90");
        assertThat(second.content()).hasSize(1);
        assertThat(second.label()).contains("42");
    }

    @Test
    void tableOfContentsLinesStandAloneAndProseFlows() {
        List<DocumentLine> contents = List.of(line("1 Introduction 3", 0), line("2 Getting started 7", 30),
                line("3 Reading documents 12", 60));
        assertThat(PageStructure.of(List.of(contents))).hasSize(3);
        List<DocumentLine> prose = List.of(
                new DocumentLine("A paragraph of running text fills", new Rectangle(100, 0, 400, 20), 20, false),
                new DocumentLine("each line to the right margin.", new Rectangle(100, 30, 390, 20), 20, false),
                new DocumentLine("Then it ends.", new Rectangle(100, 60, 120, 20), 20, false));
        assertThat(PageStructure.of(List.of(prose))).singleElement().satisfies(b -> assertThat(b.text())
                .isEqualTo("A paragraph of running text fills each line to the right margin. Then it ends."));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.5, -0.6, 0.4, 1.2})
    void theSkewOfAScanIsFound(double degrees) {
        BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), 620, 877));
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(java.awt.Font.PLAIN, 24));
        for (int y = 150; y < 1600; y += 40) {
            g.drawString("Every line of this scanned letter runs across the page to its margin.", 120, y);
        }
        g.dispose();

        assertThat(Deskew.angle(page)).isCloseTo(degrees, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Deskew.angle(Deskew.straighten(page))).isCloseTo(0, org.assertj.core.data.Offset.offset(0.1));
    }
}
