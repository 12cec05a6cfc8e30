package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.testing.RealOcr;

/**
 * Links that share a line with other text, on real pages of the corpus's training packages (cropped
 * screenshots; the truth is the DOM's links inside the crop), read by the real OCR models and mapped as a user
 * gets the map. A link counts as found when a link element has its centre inside it, the link's box taken a
 * third of its height larger (OCR's boxes are not the DOM's); a link element is right when its centre lies in
 * a link so grown.
 * <ul>
 *   <li>Qhull's manual: a row of links between bullets ("To: Programs • Options • Output ..."), read as one
 *       line of text before rows were cut at their separators.</li>
 *   <li>CppUnit's member index (Doxygen): each line a black name and a blue link ("TestCase() : TestCase"). The
 *       links are most of the page's text, so their blue passed for the body's colour and nothing was cut.</li>
 *   <li>The cryptography index (Sphinx): a row of letters between bars and entries that are one link each
 *       ("access_method (cryptography.x509.AccessDescription attribute)"). Their parentheses made the index pass
 *       for a highlighted code block, whose colours are not taken for links.</li>
 *   <li>The Maxima manual (Texinfo): a trail of links that ends in links inside brackets ("Up: Expressions
 *       [Contents][Index]"). OCR reads the last three as one word; its ink changes colour inside it, where it
 *       is cut.</li>
 *   <li>Xerces-C++'s class reference (Doxygen): an enum's values, each a link, set between "= 0 ," in body ink
 *       ("NoError = 0 , E_LowBounds = 1 ,"). Brackets and equals signs on most lines made it pass for a
 *       highlighted code block, whose colours are not taken for links; its one colour is a link's.</li>
 *   <li>A Javadoc "Uses of" page (OpenJDK 17): slate blue links in dark grey signatures and grey descriptions.
 *       The slate title's ink lies within reach of both the greys and the links' blue, and taken for the body's
 *       colour it left the links no colour of their own.</li>
 *   <li>lxml's API reference (Sphinx, the whole screenshot): a column of red code names ("main()", "read_file()",
 *       "APPLET"), each a link alone on its row, which the text role model reads as code.</li>
 * </ul>
 */
class CorpusLinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORPUS = "/org/sightline/vision/elements/corpus/";

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    // Measured when these fixes were made (recall / precision), before them on the same crops: qhull 0.94 / 1.00
    // (0.00 / -), cppunit 1.00 / 0.94 (0.00 / -), cryptography 0.52 / 1.00 (0.27 / 1.00), exim 1.00 / 0.83
    // (0.20 / 0.67), SDL 0.73 / 1.00 (0.58 / 1.00), Maxima 1.00 / 1.00 (0.60 / 1.00), Xerces 0.98 / 1.00
    // (0.24 / 1.00), OpenJDK 0.92 / 0.97 (0.32 / 0.80), lxml 0.84 / 0.98 (0.67 / 0.98). Of the cryptography
    // index's row of 22 letters between bars most are still missed: OCR reads the bars into the letters
    // ("D|E|"), so the letters cannot be placed on the ink one by one. Exim's wrong links are the search field's
    // placeholder and the chapter's title, drawn in the links' colour. SDL's missed links are the arrows that open
    // and close its tree of pages.
    @ParameterizedTest
    @CsvSource({"libqhull-doc-001-0, 0.85, 0.9", "libcppunit-doc-000-0, 0.9, 0.9",
        "python-cryptography-doc-001-0, 0.4, 0.9", "exim4-doc-html-000-0, 0.9, 0.75",
        "libsdl2-doc-000-0, 0.7, 0.9", "maxima-doc-001-0, 0.9, 0.9",
        "libxerces-c-doc-000-0, 0.9, 0.9", "openjdk-17-doc-001-0, 0.85, 0.9",
        "python-lxml-doc-001-0, 0.8, 0.9"})
    void linksBesideOtherTextAreFound(String page, double recallAtLeast, double precisionAtLeast) throws IOException {
        BufferedImage image = fixture("links-" + page + ".png");
        JsonNode truth;
        try (InputStream in = getClass().getResourceAsStream(CORPUS + "links-" + page + ".json")) {
            truth = JSON.readTree(in);
        }
        List<Rectangle> links = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode l : truth.get("links")) {
            JsonNode b = l.get("box");
            Rectangle r = new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(),
                    b.get("height").asInt());
            r.grow(r.height / 3, r.height / 3);
            links.add(r);
            labels.add(l.get("label").asText());
        }
        OcrResult text = OCR.engine().read(image, TaskContext.none());
        ElementMap map = ElementFinder.analyse(Capture.ofImage(image, CaptureSource.FILE, page), text,
                TaskContext.none());
        List<Element> predicted = map.ofType(ElementType.LINK);
        int found = 0;
        for (int i = 0; i < links.size(); i++) {
            if (predicted.stream().anyMatch(centreIn(links.get(i)))) {
                found++;
            } else {
                System.out.println(page + ": not found as a link: '" + labels.get(i) + "'");
            }
        }
        long right = predicted.stream().filter(e -> links.stream().anyMatch(r -> centreIn(r).test(e))).count();
        predicted.stream().filter(e -> links.stream().noneMatch(r -> centreIn(r).test(e)))
                .forEach(e -> System.out.println(page + ": not a link: '" + e.label() + "' " + e.imageBox()));
        double recall = (double) found / links.size();
        double precision = predicted.isEmpty() ? 0 : (double) right / predicted.size();
        System.out.printf(Locale.ROOT, "%s: %d links, recall %.2f, precision %.2f%n", page, links.size(), recall,
                precision);
        assertThat(recall).as("share of the page's links found as links").isGreaterThanOrEqualTo(recallAtLeast);
        assertThat(precision).as("share of the links found that are links").isGreaterThanOrEqualTo(precisionAtLeast);
    }

    /**
     * Exim's search field holds its hint, read by OCR as the end of the menu's line: it names the field. The
     * top 600 rows of the whole screenshot (in a narrower crop the field is not found).
     */
    @Test
    void aFieldsHintInTheMenusLineNamesTheField() throws IOException {
        BufferedImage image = fixture("field-exim4-doc-html-000-0.png");
        ElementMap map = ElementFinder.analyse(Capture.ofImage(image, CaptureSource.FILE, "exim"),
                OCR.engine().read(image, TaskContext.none()), TaskContext.none());
        assertThat(map.ofType(ElementType.FIELD)).extracting(Element::label).contains("Search Docs Online");
        assertThat(map.elements()).filteredOn(e -> e.type() != ElementType.FIELD).extracting(Element::label)
                .doesNotContain("Search Docs Online");
    }

    /**
     * rustdoc's sidebar (the rust-doc package's core library reference): its title "In core::arch::x86" is an h2
     * whose text is a link. It is one heading marked as a link, so H and K both reach it; the item links under
     * it stay plain links, and "Structs" over them, bolder than they are, is a heading marked as a link too. The
     * top left of the screenshot, with the page's own text beside it.
     */
    @Test
    void aSidebarTitleThatIsALinkIsAHeadingMarkedAsALink() throws IOException {
        BufferedImage image = fixture("heading-link-rust-doc-000-0.png");
        ElementMap map = ElementFinder.analyse(Capture.ofImage(image, CaptureSource.FILE, "rustdoc"),
                OCR.engine().read(image, TaskContext.none()), TaskContext.none());
        assertThat(map.ofType(ElementType.HEADING)).filteredOn(e -> e.label().contains("core::arch::x86"))
                .singleElement().satisfies(e -> {
                    assertThat(e.link()).isTrue();
                    assertThat(e.imageBox().x).isLessThan(250);
                });
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label).contains("In core::arch::x86",
                "CpuidResult");
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).doesNotContain("CpuidResult");
        // "Structs", bolder than the list of structs under it, heads that list; it is a link as well.
        assertThat(map.ofType(ElementType.HEADING)).filteredOn(e -> e.label().equals("Structs")).singleElement()
                .satisfies(e -> assertThat(e.link()).isTrue());
    }

    /**
     * Doxygen's tab bar (SDL's reference): "Main Page  Related Pages  Data Structures  Files", set a little
     * larger and bolder than the body. Three alike items side by side are a bar's tabs, links, and none of them
     * is a heading (they were headings marked as links, and H stopped on each). The whole screenshot: in a crop
     * of its top the body text is another, and the tabs were links already.
     */
    @Test
    void theItemsOfATabBarAreLinksAndNoHeadings() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, CORPUS + "libsdl2-doc-000-0.png");
        List<Element> tabs = map.elements().stream().filter(e -> e.imageBox().getCenterY() > 60
                && e.imageBox().getCenterY() < 90).toList();
        assertThat(tabs).extracting(Element::label).contains("Related Pages", "Data Structures", "Files");
        assertThat(tabs).allMatch(e -> e.type() == ElementType.LINK);
    }

    /**
     * pytest's bar of related links over its page ("pytest-7.2 » Release announcements » ... previous | next |
     * modules", dotted underlines): OCR boxes the bar's line 37 pixels tall for 22 of ink, half again what it gives
     * the page's other lines for theirs. Measured by that box the links were taller than the body and each was a
     * heading marked as a link, and H stopped on all five; fitted to their ink they are links, and the page's one
     * heading is its title. The top 260 rows of the screenshot.
     */
    @Test
    void aBarOfLinksThatOcrBoxesTallIsNoRowOfHeadings() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, CORPUS + "python-pytest-doc-001-0-bar.png");
        List<Element> bar = map.elements().stream().filter(e -> e.imageBox().getCenterY() < 50).toList();
        assertThat(bar).extracting(Element::label).anyMatch(l -> l.contains("pytest-7.2"))
                .anyMatch(l -> l.contains("Release announcements")).anyMatch(l -> l.contains("modules"));
        assertThat(bar).allMatch(e -> e.type() == ElementType.LINK);
        assertThat(map.ofType(ElementType.HEADING)).singleElement()
                .satisfies(e -> assertThat(e.label()).startsWith("pytest-4.1"));
    }

    /**
     * SciPy's sidebar (PyData theme): each entry a link of one or two lines, the second the module's name in bold
     * code ("Miscellaneous routines" over "( scipy.misc )"). The bold line sits closer to the link above it than to
     * the next entry: it ends that entry and heads nothing (H stopped on it). The current page's entry, in bold
     * colour, is left as it is. Rows 440 to 1000 of the screenshot.
     */
    @Test
    void theSecondLineOfASidebarEntryIsNoHeading() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, CORPUS + "python-scipy-doc-000-0-sidebar.png");
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label).contains("Miscellaneous routines",
                "Orthogonal distance regression", "Optimization and root finding");
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label)
                .noneMatch(l -> l.startsWith("( scipy.misc") || l.startsWith("( scipy.odr"));
    }

    /**
     * mbed TLS's index of data fields (Doxygen): "version : mbedtls_x509_crl, mbedtls_x509_crt, ..." where OCR set
     * spaces before some underscores ("mbedtls _x509 _crt"). Each name is a link of its own, named without the
     * spaces. The whole screenshot: in a crop of these rows alone the links' colour is the body's.
     */
    @Test
    void namesPartedByCommasAreLinksEvenWhereOcrSpacedTheirUnderscores() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, CORPUS + "libmbedtls-doc-001-0.png");
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label).contains("mbedtls_x509_crl",
                "mbedtls_x509_crt", "mbedtls_x509_csr", "mbedtls_x509write_cert");
    }

    /**
     * SQLAlchemy's table of contents on a grey panel, which shares its grey with the page's code examples: under
     * "Selectable Foundational Constructors" (a link the model is sure of) a column of red code names, one to a
     * row ("except_()", "union_all()"). Taken for highlighted code they were text; on a panel of links they are its
     * entries. The code examples beside them stay text. Rows 250 to 1150, the left 1000 columns.
     */
    @Test
    void codeNamesListedOnAPanelOfLinksAreLinks() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, CORPUS + "python-sqlalchemy-doc-001-0-sidebar.png");
        List<String> links = map.ofType(ElementType.LINK).stream().map(Element::label).toList();
        assertThat(links).contains("except_()", "intersect()", "union_all()", "values()", "alias()");
        assertThat(links).noneMatch(l -> l.contains("*selects"));
    }

    /**
     * The Developer's Reference's sidebar (DocBook): a numbered table of contents whose second level ("1.1. Core
     * tools") the model reads as navigation and whose third, set in a code face ("1.1.1. dpkg-dev"), as text.
     * Numbered entries alone on their rows under numbered links of the same panel are links too. The top 420 rows.
     */
    @Test
    void numberedEntriesUnderNumberedLinksAreLinks() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, CORPUS + "developers-reference-003-0-toc.png");
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label).contains("1.1. Core tools",
                "1.1.1. dpkg-dev", "1.1.2. debconf", "1.1.3. fakeroot", "1.2.1. lintian", "1.2.4. debdiff");
    }

    private static BufferedImage fixture(String name) throws IOException {
        try (InputStream in = CorpusLinksTest.class.getResourceAsStream(CORPUS + name)) {
            return ImageIO.read(in);
        }
    }

    private static java.util.function.Predicate<Element> centreIn(Rectangle r) {
        return e -> r.contains(e.imageBox().getCenterX(), e.imageBox().getCenterY());
    }
}
