package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.vision.regions.PageRegions;
import org.sightline.vision.regions.Region;
import org.sightline.vision.regions.RegionKind;
import org.sightline.vision.testing.TestFonts;

/**
 * A detected line that runs from a sidebar into the content beside it is cut at the regions' side before it is
 * recognised, where each side holds words of its own; a sidebar's long entry that runs over the side is not, nor
 * is a line across two columns of text.
 */
class RegionCutsTest {

    /** The sidebar ends and the content begins at this x. */
    private static final int SIDE = 300;

    private static final PageRegions TWO_PANES = new PageRegions(List.of(
            new Region(RegionKind.NAVIGATION, new Rectangle(0, 0, SIDE, 200), 0),
            new Region(RegionKind.MAIN, new Rectangle(SIDE, 0, 900 - SIDE, 200), 1)));

    private final BufferedImage page = new BufferedImage(900, 200, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = page.createGraphics();

    RegionCutsTest() {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
    }

    /** Draws {@code text} at {@code x} on the line whose box is y 20 to 44, and returns where its ink ends. */
    private int draw(String text, int x, Font font) {
        g.setFont(font);
        g.drawString(text, x, 38);
        return x + g.getFontMetrics().stringWidth(text);
    }

    private static Quad line(int from, int to) {
        return Quad.ofRectangle(from, 20, to - from, 24, 0.9);
    }

    @Test
    void aSidebarEntryAndTheContentAfterAGapAreCutInTheGap() {
        int entryEnd = draw("parse_authorization_header()", 90, TestFonts.mono(13));
        int sentenceEnd = draw("Parse an RFC 2822 date into a datetime object.", 345, TestFonts.serif(16));
        assertThat(entryEnd).isBetween(SIDE, 340);

        List<Quad> cut = RegionCuts.cut(List.of(line(88, sentenceEnd + 2)), TWO_PANES, page);

        assertThat(cut).hasSize(2);
        Rectangle left = cut.get(0).bounds(page.getWidth(), page.getHeight());
        Rectangle right = cut.get(1).bounds(page.getWidth(), page.getHeight());
        // In the gap between the entry's last bracket and the sentence, not at the side through the bracket.
        assertThat(left.x + left.width).isBetween(entryEnd, 345);
        assertThat(right.x).isEqualTo(left.x + left.width);
    }

    @Test
    void aSmallSidebarEntryTouchingTheContentsLargerHeadingIsCutAtTheSide() {
        // The entry runs into the heading: no gap between them.
        int entryEnd = draw("parse_cache_control_header()", 110, TestFonts.mono(12));
        assertThat(entryEnd).isGreaterThan(SIDE + 4);
        int headingEnd = draw("werkzeug.http.parse_date(value)", SIDE + 2, TestFonts.sans(Font.PLAIN, 22));

        List<Quad> cut = RegionCuts.cut(List.of(line(108, headingEnd + 2)), TWO_PANES, page);

        assertThat(cut).hasSize(2);
        assertThat(cut.get(1).bounds(page.getWidth(), page.getHeight()).x).isEqualTo(SIDE);
    }

    @Test
    void aLongEntryRunningOverTheSideInOneSizeStaysWhole() {
        int end = draw("InternalServerError.original_exception", 120, TestFonts.sans(Font.PLAIN, 16));
        assertThat(end).isGreaterThan(SIDE + 100);

        List<Quad> cut = RegionCuts.cut(List.of(line(118, end + 2)), TWO_PANES, page);

        assertThat(cut).hasSize(1);
    }

    @Test
    void aHeadingAcrossTwoColumnsOfTextStaysWhole() {
        // A document's two columns: neither is a navigation pane, and a heading set across both is one line.
        PageRegions columns = new PageRegions(List.of(
                new Region(RegionKind.MAIN, new Rectangle(0, 0, SIDE, 200), 0),
                new Region(RegionKind.COMPLEMENTARY, new Rectangle(SIDE, 0, 900 - SIDE, 200), 1)));
        Font bold = TestFonts.sans(Font.BOLD, 18);
        String first = "Results of the second survey";
        int start = SIDE - 6 - g.getFontMetrics(bold).stringWidth(first);
        draw(first, start, bold);
        int end = draw("and what they mean", SIDE + 14, bold);
        List<Quad> lines = List.of(line(start - 2, end + 2));
        // Between a sidebar and the content, the gap at the side would part them.
        assertThat(RegionCuts.cut(lines, TWO_PANES, page)).hasSize(2);

        assertThat(RegionCuts.cut(lines, columns, page)).isEqualTo(lines);
    }

    @Test
    void onAPageOfOneRegionNothingIsCut() {
        int end = draw("parse_authorization_header()   Parse an RFC 2822 date", 90, TestFonts.mono(13));
        List<Quad> lines = List.of(line(88, end + 2));

        assertThat(RegionCuts.cut(lines, PageRegions.whole(900, 200), page)).isEqualTo(lines);
    }
}
