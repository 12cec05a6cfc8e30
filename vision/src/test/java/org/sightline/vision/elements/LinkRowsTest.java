package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;
import org.sightline.vision.testing.TestFonts;

/**
 * Rows of links between marks, each item a link of its own with its own words: a breadcrumb trail in a large
 * font on a coloured bar, as Sphinx themes draw it (its "»" marks are wider than a bar, its version number breaks
 * into several clusters of ink, and OCR reads some marks as "&gt;"); Texinfo's row of links in brackets; and an
 * index's row of letters, each a link to its part of the index.
 */
class LinkRowsTest {

    private static final List<String> TRAIL = List.of("CMake", "3.25.1 Documentation", "cmake-policies(7)",
            "CMP0107");

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    @Test
    void eachItemOfAWideTrailIsALinkOfItsOwn() {
        BufferedImage page = drawTrail();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "trail"),
                OCR.engine().read(page, TaskContext.none()), TaskContext.none());
        assertThat(map.ofType(ElementType.LINK)).extracting(e -> e.label().replace(" ", ""))
                .containsExactlyElementsOf(TRAIL.stream().map(t -> t.replace(" ", "")).toList());
    }

    @Test
    void eachItemOfARowInBracketsIsALinkNamedByWhatItsBracketsHold() {
        BufferedImage page = drawBracketedRow();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "texinfo"),
                OCR.engine().read(page, TaskContext.none()), TaskContext.none());
        List<Element> links = map.ofType(ElementType.LINK);
        assertThat(links).extracting(Element::label).containsSubsequence("Top", "Contents", "Index");
        // Each link's box is its own item's: the box of "Contents" lies between those of "Top" and "Index".
        Element top = links.stream().filter(e -> e.label().equals("Top")).findFirst().orElseThrow();
        Element contents = links.stream().filter(e -> e.label().equals("Contents")).findFirst().orElseThrow();
        Element index = links.stream().filter(e -> e.label().equals("Index")).findFirst().orElseThrow();
        assertThat(top.imageBox().getMaxX()).isLessThanOrEqualTo(contents.imageBox().getMinX() + 2);
        assertThat(contents.imageBox().getMaxX()).isLessThanOrEqualTo(index.imageBox().getMinX() + 2);
    }

    @Test
    void eachLetterOfAnIndexsRowIsALinkOfItsOwn() {
        String row = "ACDEFHIKLMNOP";
        BufferedImage img = new BufferedImage(700, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(img);
        g.setFont(TestFonts.font("Liberation Serif", Font.PLAIN, 18));
        g.setColor(Color.BLACK);
        g.drawString("Index of the commands, by the first letter of their names:", 20, 30);
        // As Texinfo sets it: the row of letters on a line of its own, below the row of symbols.
        g.setFont(TestFonts.sans(Font.BOLD, 18));
        g.setColor(new Color(0, 0, 0xff));
        for (int i = 0; i < row.length(); i++) {
            g.drawString(row.substring(i, i + 1), 100 + 23 * i, 62);
        }
        g.setFont(TestFonts.font("Liberation Serif", Font.PLAIN, 18));
        g.setColor(Color.BLACK);
        g.drawString("Index Entry and the section of the manual where it is described.", 20, 100);
        g.dispose();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(img, CaptureSource.FILE, "index"),
                OCR.engine().read(img, TaskContext.none()), TaskContext.none());
        // Each link is one letter, in the row's order; the thin "I" standing alone may be taken for text.
        List<String> letters = map.ofType(ElementType.LINK).stream().map(Element::label).toList();
        assertThat(letters).allMatch(l -> l.length() == 1).hasSizeGreaterThanOrEqualTo(row.length() - 1);
        assertThat(String.join("", letters)).isIn(row, row.replace("I", ""));
    }

    @Test
    void eachLetterOfARowPartedByBarsIsALinkAndTheBarsAreNone() throws IOException {
        // Jinja's general index as Sphinx draws it: "_ | A | B | ...", red letters with a dotted underline and
        // grey bars, which OCR here reads as "-IA|BICIDE F|G|...". Cut from a page of the corpus (training split).
        BufferedImage img;
        try (InputStream png = getClass().getResourceAsStream("python-jinja2-doc-genindex-letters.png")) {
            img = ImageIO.read(png);
        }
        ElementMap map = ElementFinder.analyse(Capture.ofImage(img, CaptureSource.FILE, "genindex"),
                OCR.engine().read(img, TaskContext.none()), TaskContext.none());
        List<Element> letters = map.elements().stream().filter(e -> e.imageBox().getCenterY() > 80
                && e.imageBox().getCenterY() < 105).toList();
        assertThat(letters).allMatch(e -> e.type() == ElementType.LINK);
        assertThat(letters).extracting(Element::label)
                .containsExactlyElementsOf(List.of("ABCDEFGHIJKLMNOPRSTUVWX".split("")));
    }

    @Test
    void theLinksBesideAWhiteMenuInAColouredBarKeepTheirPlaces() throws IOException {
        // developers-reference's top bar (Sphinx, training split): the white Debian logo, "Debian »", a white
        // language menu, a trail of links and "previous | next | index", white on green. OCR reads the bar as one
        // line. The menu's white rows once hid every letter of the line, and the whole bar became one heading
        // with the logo's box.
        ElementMap map = FixtureMaps.map(OCR, "developers-reference-bar.png");
        List<Element> bar = map.elements().stream().filter(e -> e.imageBox().getCenterY() < 32).toList();
        assertThat(bar).hasSizeGreaterThanOrEqualTo(3).allMatch(e -> e.type() == ElementType.LINK);
        Element trail = bar.stream().filter(e -> e.label().contains("documentation")).findFirst().orElseThrow();
        // The trail lies right of the language menu (x 102-180) and left of "previous" (x 1128).
        assertThat(trail.imageBox().getMinX()).isGreaterThan(180);
        assertThat(trail.imageBox().getMaxX()).isLessThan(1128);
        Element index = bar.stream().filter(e -> e.label().equals("index")).findFirst().orElseThrow();
        assertThat(index.imageBox().getMinX()).isGreaterThan(1230);
    }

    @Test
    void theLettersOfAnIndexRowAreItsCapitalsInOrderWithTheBarsOcrReadLeftOut() {
        assertThat(TextSegmenter.indexLetters("-IA|BICIDE F|G|HIIJKLIM|N|O|P|RISIT|U|VIW X"))
                .isEqualTo("ABCDEFGHIJKLMNOPRSTUVWX");
        assertThat(TextSegmenter.indexLetters("ACDEFHIK")).isEqualTo("ACDEFHIK");
        // Words, or capitals out of order, are no row of letters.
        assertThat(TextSegmenter.indexLetters("FIFO")).isEmpty();
        assertThat(TextSegmenter.indexLetters("HTML CSS")).isEmpty();
        assertThat(TextSegmenter.indexLetters("Index")).isEmpty();
    }

    @Test
    void eachWordOfAMenuBarSetApartByPaddingIsALinkAndTheTitleBesideItStaysWhole() {
        // As Javadoc draws its top menu: single words set apart by padding wider than any word space, the page's
        // own item ("USE") on an orange tab, and the title at the bar's right end, its words set by word spaces.
        List<String> items = List.of("OVERVIEW", "MODULE", "PACKAGE", "CLASS", "USE", "TREE", "DEPRECATED", "INDEX",
                "HELP");
        BufferedImage img = new BufferedImage(1000, 140, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(img);
        g.setColor(new Color(0x4d, 0x7a, 0x97));
        g.fillRect(0, 0, img.getWidth(), 40);
        g.setColor(new Color(0xf7, 0xf9, 0xfa));
        g.setFont(TestFonts.sans(Font.PLAIN, 14));
        int x = 8;
        for (String item : items) {
            int width = g.getFontMetrics().stringWidth(item);
            if (item.equals("USE")) {
                g.setColor(new Color(0xf8, 0x98, 0x1d));
                g.fillRect(x - 7, 6, width + 14, 28);
                g.setColor(new Color(0x25, 0x35, 0x77));
            }
            g.drawString(item, x, 26);
            g.setColor(new Color(0xf7, 0xf9, 0xfa));
            x += width + 14;
        }
        g.setFont(TestFonts.sans(Font.BOLD, 14));
        g.drawString("Java SE 17 & JDK 17", 830, 26);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.font("Liberation Serif", Font.PLAIN, 18));
        g.drawString("Uses of Interface javax.swing.ListCellRenderer in the packages of the platform.", 20, 100);
        g.dispose();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(img, CaptureSource.FILE, "javadoc"),
                OCR.engine().read(img, TaskContext.none()), TaskContext.none());
        List<Element> bar = map.elements().stream().filter(e -> e.imageBox().getCenterY() < 40).toList();
        assertThat(bar).extracting(Element::label).containsExactlyElementsOf(
                Stream.concat(items.stream(), Stream.of("Java SE 17 & JDK 17"))
                        .toList());
        assertThat(bar.subList(0, items.size())).filteredOn(e -> !e.label().equals("USE"))
                .allMatch(e -> e.type() == ElementType.LINK);
    }

    @Test
    void twoWordsOfAMenuBarPartedByItsColoursAreTwoLinks() throws IOException {
        // Javadoc's menu bar on a page of Apache Commons Lang (training split): the page's own item, "CLASS", on
        // an orange tab parts the bar by colour into "OVERVIEW PACKAGE", "CLASS" and "USE TREE ...". The first
        // piece has two words only, too few to tell items from words by their gaps on their own; the bar's other
        // pieces say they are items.
        ElementMap map = FixtureMaps.map(OCR, "libcommons-lang3-java-doc-menu.png");
        List<Element> bar = map.elements().stream().filter(e -> e.imageBox().getCenterY() < 35).toList();
        assertThat(bar).filteredOn(e -> e.type() == ElementType.LINK).extracting(Element::label)
                .containsSubsequence("OVERVIEW", "PACKAGE", "USE", "TREE", "DEPRECATED", "INDEX", "HELP");
    }

    @Test
    void eachNameOfAListOfLinkedNamesPartedByCommasIsALinkOfItsOwn() {
        ElementMap map = linkList(20, "LevelColorsImage() is defined in ", "enhance.h, enhance.c, deprecate.c",
                "Each file holds the methods that change the colour levels of an image.");
        List<Element> links = map.ofType(ElementType.LINK);
        assertThat(links).extracting(Element::label).containsExactly("enhance.h", "enhance.c", "deprecate.c");
        for (int i = 1; i < links.size(); i++) {
            assertThat(links.get(i - 1).imageBox().getMaxX()).isLessThan(links.get(i).imageBox().getMinX());
        }
    }

    @Test
    void eachIssueNumberOfAListIsALinkOfItsOwn() {
        // A release note's line as psycopg2's are set (15 px): the issues it closes, each a link ("#1376, #1386").
        ElementMap map = linkList(15, "Fix a crash when the connection closes early ", "#1376, #1386",
                "Both were reported on the mailing list before the release.");
        assertThat(map.ofType(ElementType.LINK)).as(map.elements().toString()).extracting(Element::label)
                .containsExactly("#1376, #1386".split(", "));
    }

    /** The map of a sentence in black ending in a list of links in blue, and a line of black text under it. */
    private static ElementMap linkList(int size, String lead, String links, String below) {
        BufferedImage img = new BufferedImage(800, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(img);
        g.setFont(TestFonts.sans(Font.PLAIN, size));
        g.setColor(Color.BLACK);
        g.drawString(lead, 20, 40);
        int x = 20 + g.getFontMetrics().stringWidth(lead);
        g.setColor(new Color(0x1f, 0x3f, 0xbf));
        g.drawString(links, x, 40);
        g.setColor(Color.BLACK);
        g.drawString(below, 20, 90);
        g.dispose();
        return ElementFinder.analyse(Capture.ofImage(img, CaptureSource.FILE, "links"),
                OCR.engine().read(img, TaskContext.none()), TaskContext.none());
    }

    /**
     * Javadoc's menu with its current page ("USE") on an orange box in the middle of the bar, and "Java SE 17 &
     * JDK 17" in bold at the bar's far end: OCR reads the bar as one line, with a letter of "NEW" set apart. Placed
     * by their shares of the letters, the words drifted towards the bold end and "TREE" fell between the box and
     * the rest, and was lost, and the rest stayed one piece. Each word now takes the ink clusters that fit it:
     * every item is a link of its own, the current one text. The top 300 rows of OpenJDK's "Uses of" page.
     */
    @Test
    void eachItemOfJavadocsMenuIsALinkWithTheCurrentOneInTheMiddle() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/openjdk-17-doc-001-0-bar.png");
        List<Element> bar = map.elements().stream().filter(e -> e.imageBox().getCenterY() < 40).toList();
        assertThat(bar).filteredOn(e -> e.type() == ElementType.LINK).extracting(Element::label)
                .containsExactly("OVERVIEW", "MODULE", "PACKAGE", "CLASS", "TREE", "PREVIEW", "NEW", "DEPRECATED",
                        "INDEX", "HELP");
        assertThat(bar).filteredOn(e -> e.label().equals("USE")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(ElementType.TEXT));
    }

    @Test
    void twoUnderlinedLinksOnOneLineAreTwoLinksAndOneLinkKeepsItsWords() {
        // gnuplot's navigation (Texinfo): "Previous: Bee swarm plots  Index", two links in one blue, each underlined
        // on its own, which OCR reads as one line. Below, one link of three words whose underline runs under its
        // spaces and stops short of the descenders of "p" and "g", as browsers draw it.
        BufferedImage img = new BufferedImage(900, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(img);
        g.setFont(TestFonts.font("Liberation Serif", Font.PLAIN, 18));
        g.setColor(Color.BLACK);
        g.drawString("Previous:", 20, 40);
        int x = 20 + g.getFontMetrics().stringWidth("Previous: ");
        g.setColor(new Color(0, 0, 0xee));
        x = underlined(g, "Bee swarm plots", x, 40, Font.PLAIN);
        underlined(g, "Index", x + 14, 40, Font.PLAIN);
        g.setFont(TestFonts.font("Liberation Serif", Font.PLAIN, 18));
        g.setColor(Color.BLACK);
        g.drawString("See also", 20, 110);
        g.setColor(new Color(0, 0, 0xee));
        underlined(g, "plotting big graphs", 20 + g.getFontMetrics().stringWidth("See also "), 110, Font.PLAIN);
        g.dispose();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(img, CaptureSource.FILE, "navigation"),
                OCR.engine().read(img, TaskContext.none()), TaskContext.none());
        assertThat(map.ofType(ElementType.LINK)).as(map.elements().toString()).extracting(Element::label)
                .contains("Bee swarm plots", "Index", "plotting big graphs");
    }

    /** Draws {@code text} from {@code x} underlined, the underline broken around descenders; returns its right end. */
    private static int underlined(Graphics2D g, String text, int x, int baseline, int style) {
        g.setFont(TestFonts.font("Liberation Serif", style, 18));
        int width = g.getFontMetrics().stringWidth(text);
        java.awt.Color ink = g.getColor();
        g.drawString(text, x, baseline);
        g.fillRect(x, baseline + 2, width, 1);
        // Gaps around each descender, as text-decoration-skip-ink leaves them.
        g.setColor(Color.WHITE);
        for (int i = 0; i < text.length(); i++) {
            if ("gpqy".indexOf(text.charAt(i)) >= 0) {
                int left = x + g.getFontMetrics().stringWidth(text.substring(0, i));
                int right = x + g.getFontMetrics().stringWidth(text.substring(0, i + 1));
                g.fillRect(left, baseline + 2, 1, 1);
                g.fillRect(right - 1, baseline + 2, 1, 1);
            }
        }
        g.setColor(ink);
        g.drawString(text, x, baseline);
        return x + width;
    }

    private static BufferedImage drawBracketedRow() {
        BufferedImage img = new BufferedImage(900, 170, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(img);
        g.setFont(TestFonts.font("Liberation Serif", Font.PLAIN, 18));
        int x = 20;
        for (String item : List.of("Top", "Contents", "Index", "?")) {
            g.setColor(Color.BLACK);
            g.drawString("[", x, 30);
            x += g.getFontMetrics().stringWidth("[");
            g.setColor(new Color(0, 0, 0xee));
            g.drawString(item, x, 30);
            int width = g.getFontMetrics().stringWidth(item);
            g.fillRect(x, 32, width, 1);
            x += width;
            g.setColor(Color.BLACK);
            g.drawString("]", x, 30);
            x += g.getFontMetrics().stringWidth("] ");
        }
        g.setFont(TestFonts.sans(Font.BOLD, 24));
        g.drawString("11.2 Invoking the msgfmt Program", 20, 90);
        g.setFont(TestFonts.font("Liberation Serif", Font.PLAIN, 18));
        g.drawString("The msgfmt program generates a binary message catalog from a textual translation.", 20, 140);
        g.dispose();
        return img;
    }

    /** Graphics on {@code img}, painted white, that smooth the letters as a browser does. */
    private static BufferedImage drawTrail() {
        BufferedImage img = new BufferedImage(1000, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(img);
        g.setColor(new Color(0x0b, 0x4f, 0x96));
        g.fillRect(0, 0, img.getWidth(), 56);
        g.setColor(Color.WHITE);
        g.setFont(TestFonts.sans(Font.PLAIN, 26));
        g.drawString(String.join(" \u00bb ", TRAIL), 40, 37);
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(TestFonts.sans(Font.PLAIN, 16));
        g.drawString("New in version 3.17. The policies of this page set how CMake builds each target.", 40, 110);
        g.dispose();
        return img;
    }
}
