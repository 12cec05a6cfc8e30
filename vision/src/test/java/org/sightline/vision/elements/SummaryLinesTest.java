package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;

/**
 * A details block's summary line on a real page (Werkzeug's, from the corpus's training packages): "▶ Changelog"
 * is one button, said with its state, and its line is not listed a second time as plain text.
 */
class SummaryLinesTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    @Test
    void aSummaryLineIsOneCollapsedButtonAndNotAlsoText() throws IOException {
        BufferedImage page;
        try (InputStream png = getClass().getResourceAsStream(
                "/org/sightline/vision/regions/corpus/python-werkzeug-doc-008-0.png")) {
            page = ImageIO.read(png);
        }
        ElementMap map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "werkzeug"),
                OCR.engine().read(page, TaskContext.none()), TaskContext.none());

        assertThat(map.ofType(ElementType.BUTTON)).filteredOn(e -> e.label().equals("Changelog")).singleElement()
                .extracting(Element::state).isEqualTo(ElementState.COLLAPSED);
        assertThat(map.ofType(ElementType.TEXT)).extracting(Element::label).doesNotContain("Changelog");
    }

    /**
     * ImageMagick's file tree (Doxygen): a pale triangle before each file that has members, which opens its
     * branch. Each is a link of its own with its state, named by its row ("conjure.c, link, collapsed"), even
     * where OCR read the triangle as "7"; the name beside it stays the link to the file's page. None is a button:
     * a column of triangles is a tree's, not a set of disclosures.
     */
    /**
     * A paragraph that starts with "In" (attrs' documentation, Lato): the I and the n, a word space after them, stand
     * like a bracket's sides and were taken for a collapsed disclosure named by the paragraph's first line. OCR
     * read them as the word they are.
     */
    @Test
    void aParagraphsFirstWordIsNoDisclosureMark() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-attr-doc-001-0-paragraph.png");
        assertThat(map.ofType(ElementType.BUTTON)).isEmpty();
        assertThat(map.elements()).extracting(Element::label)
                .anySatisfy(l -> assertThat(l).startsWith("In order to ensure"));
    }

    @Test
    void aTreesTrianglesAreLinksThatOpenTheirRows() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/imagemagick-6-doc-001-0-tree.png");
        java.util.List<Element> expanders = map.ofType(ElementType.LINK).stream()
                .filter(e -> e.state() == ElementState.COLLAPSED).toList();
        assertThat(expanders).extracting(Element::label).contains("compare.h", "conjure.c", "display.c")
                .noneMatch(l -> l.startsWith("7"));
        assertThat(expanders).allMatch(e -> e.imageBox().width < 16 && e.imageBox().x < 80);
        assertThat(map.ofType(ElementType.LINK)).filteredOn(e -> e.state() == ElementState.NONE)
                .extracting(Element::label).contains("conjure.c", "display.c");
        assertThat(map.ofType(ElementType.BUTTON)).filteredOn(e -> e.imageBox().x < 200)
                .noneMatch(e -> e.state() != ElementState.NONE);
    }
}
