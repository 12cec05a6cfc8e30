package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.vision.testing.RealOcr;

/**
 * Lines in the body's own look. pytest's release note thanks its contributors in a bulleted list of names: small
 * solid bullets, which were taken for radio buttons (a 9-pixel disc, its anti-aliased rim a third of it, did not
 * look solid), and short names in the body's size, weight and ink, which the text role model took for headings.
 * Nothing sets such a line apart, so it is text. A sidebar's title set twice the size of the links under it
 * (Werkzeug's "Navigation", whose OCR box is barely taller than theirs) stays a heading. Code boxed within a
 * sentence is no text field.
 */
class PlainLinesTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    /** Rows 440 to 800 of the screenshot. */
    @Test
    void aBulletedListOfNamesHasNoRadioButtonsAndNoHeadings() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-pytest-doc-001-0-bullets.png");
        assertThat(map.elements()).extracting(Element::label).anyMatch(l -> l.contains("David Vo"))
                .anyMatch(l -> l.contains("Daniel Hahler"));
        assertThat(map.ofType(ElementType.RADIO)).isEmpty();
        assertThat(map.ofType(ElementType.HEADING)).isEmpty();
    }

    @Test
    void aSidebarTitleSetLargerThanItsLinksStaysAHeading() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-werkzeug-doc-001-0-sidebar.png");
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).contains("Navigation");
    }

    /**
     * attrs's page on hashing (Sphinx, Furo theme; rows 700 to 1100): "__eq__" and "@define(eq=False)" are code
     * set in thin boxes within sentences. OCR read the box's word as part of the sentence's line, so the box held
     * no text of its own and was taken for an empty text field named by the line above it.
     */
    @Test
    void codeBoxedWithinASentenceIsNoTextField() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-attr-doc-002-0-inline.png");
        assertThat(map.elements()).extracting(Element::label).anyMatch(l -> l.startsWith("It follows that"));
        assertThat(map.ofType(ElementType.FIELD)).isEmpty();
    }
}
