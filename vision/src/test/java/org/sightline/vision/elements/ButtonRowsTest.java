package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.vision.testing.RealOcr;
import org.sightline.vision.testing.TestFonts;

/**
 * A row of tabs OCR read as one line: each button the detector sees takes its own words, and the tab it missed
 * between them becomes a button too, rather than one button named by the whole row and the others by nothing.
 */
class ButtonRowsTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    /** 900x160 of a Javadoc class page: the method summary's four tabs, the first orange, the others blue. */
    @Test
    void javadocsTabsAreFourButtonsEachNamedByItsTab() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/libcommons-lang3-java-doc-001-0-tabs.png");
        assertThat(map.ofType(ElementType.BUTTON)).extracting(Element::label)
                .containsExactly("All Methods", "Instance Methods", "Abstract Methods", "Concrete Methods");
        // No tab left as text or a heading.
        assertThat(map.elements()).filteredOn(e -> e.type() != ElementType.BUTTON)
                .extracting(Element::label).noneMatch(l -> l.contains("Methods"));
    }

    private static final Color TAB = new Color(0x4d, 0x7a, 0x97);

    /** Three blue tabs with white words, four pixels apart on a white page; the words' places are returned. */
    private static BufferedImage drawnTabs(List<Rectangle> tabs) {
        BufferedImage page = new BufferedImage(520, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(page);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(TestFonts.font("DejaVu Sans", Font.BOLD, 14));
        int x = 10;
        for (String name : List.of("Static Methods", "Instance Methods", "Abstract Methods")) {
            int w = g.getFontMetrics().stringWidth(name) + 24;
            g.setColor(TAB);
            g.fillRect(x, 14, w, 28);
            g.setColor(Color.WHITE);
            g.drawString(name, x + 12, 33);
            tabs.add(new Rectangle(x, 14, w, 28));
            x += w + 4;
        }
        g.dispose();
        return page;
    }

    /** The page after cutting a line OCR read as {@code text} across the tabs, and the tabs it found alike. */
    private record Cut(PageText page, List<Rectangle> tabs, List<TextSegment> alike, TextSegment row) {

        static Cut of(String text) {
            List<Rectangle> tabs = new ArrayList<>();
            Pixels pixels = new Pixels(drawnTabs(tabs));
            TextSegment row = new TextSegment(text,
                    new Rectangle(20, 20, tabs.get(2).x + tabs.get(2).width - 32, 18), 0.9, 0);
            PageText page = new PageText(pixels, new ArrayList<>(List.of(row)));
            // The detector saw the first and the last tab, not the middle one.
            List<TextSegment> alike = new ButtonRows(pixels, new TextSegmenter(pixels))
                    .cut(page, List.of(tabs.get(0), tabs.get(2)));
            return new Cut(page, tabs, alike, row);
        }
    }

    @Test
    void aLineAcrossTwoButtonsIsCutAtThemAndTheTabBetweenIsOneToo() {
        Cut cut = Cut.of("Static Methods Instance Methods Abstract Methods");
        assertThat(cut.page().segments).extracting(s -> s.text)
                .containsExactly("Static Methods", "Instance Methods", "Abstract Methods");
        assertThat(cut.page().freeInside(cut.tabs().get(0))).extracting(s -> s.text).containsExactly("Static Methods");
        assertThat(cut.alike()).extracting(s -> s.text).containsExactly("Instance Methods");
    }

    @Test
    void aLineWhoseWordsInkDoesNotFindIsLeftWhole() {
        // OCR's words and the ink's do not match (a word OCR split in two): nothing is cut.
        Cut cut = Cut.of("Static Meth ods Instance Methods Abstract Methods");
        assertThat(cut.page().segments).containsExactly(cut.row());
        assertThat(cut.alike()).isEmpty();
    }
}
