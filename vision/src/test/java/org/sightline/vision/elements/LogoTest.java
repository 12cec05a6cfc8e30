package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.vision.testing.RealOcr;

/**
 * A site's logo whose lettering OCR reads: the text rules took the large letters for a heading, and H stopped on
 * the logo first. The element detector sees a picture there; the lettering is that picture's, and the picture is
 * read by its words. The top 400 rows of two screenshots.
 */
class LogoTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    /** LLVM's documentation: the dragon, and beside it "LLVM" over "COMPILER INFRASTRUCTURE". */
    @Test
    void theLetteringBesideAFigureIsTheLogosAndNoHeading() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/llvm-14-doc-000-0-logo.png");
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).noneMatch(l -> l.contains("LLVM"));
        assertThat(map.ofType(ElementType.IMAGE)).filteredOn(e -> e.label().startsWith("LLVM")).singleElement()
                .satisfies(e -> assertThat(e.label()).contains("INFRASTRUCTURE"));
    }

    /** pytest's documentation: its name drawn large over a figure in its sidebar; the sidebar's headings stay. */
    @Test
    void aDrawnNameIsALogoAndTheHeadingsUnderItStay() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-pytest-doc-000-0-logo.png");
        assertThat(map.ofType(ElementType.IMAGE)).extracting(Element::label).contains("pytest");
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).contains("Contents")
                .doesNotContain("pytest");
    }
}
