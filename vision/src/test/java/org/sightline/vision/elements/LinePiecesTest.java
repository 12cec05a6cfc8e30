package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.vision.testing.RealOcr;

/**
 * A bold piece cut from a line that goes on beside it in a lighter face is no heading: Werkzeug's deployment page
 * (Sphinx, training split of the page corpus), whose code blocks set their keywords in bold ("from hello import
 * app"). Each keyword was mapped as a heading of its own, and H stopped on them between the page's headings.
 * Nor are marks without a word, the "})" that closes a block; and a pale mark OCR read as a letter is no part of the
 * words after it, nor a list's bullet in another colour. A line the screenshot's edge cuts through is not cut into its
 * words, nor a line in one muted colour into its words by the smoothing of its letters.
 */
class LinePiecesTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    @Test
    void boldKeywordsOfACodeLineAreNoHeadingsAndTheSectionTitleStaysOne() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-werkzeug-doc-000-0-code.png");
        assertThat(map.elements()).filteredOn(e -> e.label().equals("from") || e.label().equals("import"))
                .hasSizeGreaterThanOrEqualTo(2)
                .noneMatch(e -> e.type() == ElementType.HEADING);
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).anyMatch(l -> l.startsWith("Running"));
    }

    @Test
    void aTreesPaleTriangleIsNoPartOfTheLinkAfterIt() throws IOException {
        // ImageMagick's file tree (Doxygen, training split): a pale blue "►" before each entry, which OCR reads as
        // "7" on some lines ("7 conjure.c"). The link is the name alone, and its box starts at the name.
        ElementMap map = FixtureMaps.map(OCR, "corpus/imagemagick-6-doc-001-0-tree.png");
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label)
                .contains("conjure.c", "deprecate.c", "display.c")
                .noneMatch(l -> l.startsWith("7 "));
    }

    @Test
    void marksWithoutAWordAreNoHeading() throws IOException {
        // The last line of a code block in Werkzeug's proxy middleware page: "})" in bold, alone on its line.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-werkzeug-doc-001-0-code.png");
        assertThat(map.elements()).filteredOn(e -> e.label().equals("})")).isNotEmpty()
                .noneMatch(e -> e.type() == ElementType.HEADING);
    }

    @Test
    void aWordInBracketsIsNoHeading() throws IOException {
        // SciPy's API page (PyData theme): "[source]" set apart at the right end of a method's signature, a little
        // taller than the body; a heading marked as a link before. The page's title stays its heading.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-scipy-doc-000-0-signature.png");
        assertThat(map.elements()).filteredOn(e -> e.label().contains("source")).isNotEmpty()
                .noneMatch(e -> e.type() == ElementType.HEADING);
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label)
                .contains("scipy.sparse.bsr_matrix.arctanh");
    }

    @Test
    void theLinesOfANumberedListingAreCodeNotLinks() throws IOException {
        // A Doxygen source page (ImageMagick's wand/studio.h, training split): a licence comment in dark red and
        // preprocessor lines in brown beside a column of line numbers. Coloured, they were read as links, one per
        // word group; right of a column of numbers counting up they are code. The numbers that Doxygen links to a
        // definition stay links.
        ElementMap map = FixtureMaps.map(OCR, "corpus/imagemagick-6-doc-001-0-listing.png");
        assertThat(map.elements()).extracting(Element::label).anyMatch(l -> l.contains("Copyright"))
                .anyMatch(l -> l.contains("#endif"));
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label)
                .allMatch(l -> l.matches("\\d+")).contains("28", "31");
    }

    @Test
    void aWordAfterAnIconIsReadWhole() throws IOException {
        // attrs's breadcrumb (Sphinx, training split): a blue home icon, a grey "/", then "Extending". OCR reads
        // "／Extending", and the colour split placed its letters evenly along ink that begins with the icon: the
        // first two fell to the slash and the piece read "tending".
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-attr-doc-000-0-top.png");
        assertThat(map.elements()).filteredOn(e -> e.box().getCenterY() < 150 && e.box().getCenterX() < 200)
                .extracting(Element::label).contains("Extending").noneMatch(l -> l.equals("tending"));
    }

    @Test
    void smallPrintBesideALogoIsNoHeading() throws IOException {
        // A Doxygen page's footer (mbed TLS's field index, training split): "Generated on Wed Mar 29 2023 ... by"
        // in small grey-blue print, then the doxygen logo, twice as tall, on the same line. OCR's box for the line
        // is as tall as the logo, 1.7 times the body's, and the pieces cut from it were headings by their boxes;
        // their words' ink is smaller than the body's.
        ElementMap map = FixtureMaps.map(OCR, "corpus/libmbedtls-doc-001-1-footer.png");
        assertThat(map.elements()).extracting(Element::label).anyMatch(l -> l.contains("Generated"));
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label)
                .noneMatch(l -> l.contains("Generated") || l.contains("Wed") || l.contains("2023"));
    }

    @Test
    void aBlockOfCommentLinesIsCodeNotLinks() throws IOException {
        // Tornado's source listing (Sphinx, training split): its licence as "# ..." lines in the comment colour,
        // without brackets or operators to mark them as code. They were links; rows that start, one under another,
        // with a comment's mark are code, the rest of each row too.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-tornado-doc-000-0-comment.png");
        assertThat(map.elements()).extracting(Element::label).anyMatch(l -> l.contains("Copyright 2009"));
        assertThat(map.ofType(ElementType.LINK)).isEmpty();
    }

    @Test
    void linesTypedAtAPromptAreCodeNotLinks() throws IOException {
        // Babel's date formatting page (training split): ">>> format_date(d, format='short', locale='en')" on a
        // pale panel as pale as the page, its strings in blue. The strings were links; a line that starts with an
        // interpreter's prompt is code. The sidebar's links beside it stay links.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-babel-doc-000-0-doctest.png");
        assertThat(map.elements()).extracting(Element::label).anyMatch(l -> l.contains("short"));
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label).contains("Locale Data")
                .noneMatch(l -> l.contains("short") || l.contains("long") || l.equals("en"));
    }

    @Test
    void aLineTheScreenshotsEdgeCutsThroughStaysOneLine() throws IOException {
        // The bottom of a Javadoc class page (training split): the screenshot ends through the grey bar "Methods
        // inherited from class java.lang.Object", so only the top of its letters shows; measured by that height
        // its word spaces were gaps between menu items, and each word was a piece of its own.
        ElementMap map = FixtureMaps.map(OCR, "corpus/libcommons-lang3-java-doc-001-0-cut.png");
        assertThat(map.elements()).extracting(Element::label)
                .anyMatch(l -> l.startsWith("Methods ") && l.split(" ").length >= 5)
                .doesNotContain("Methods", "from", "class");
    }

    @Test
    void aFooterInOneMutedBlueIsOneLineNotAWordByWordRowOfLinks() throws IOException {
        // JsonCpp's Doxygen footer (training split, the whole screenshot), small italic greyish blue: smoothing
        // made some of its words grey and others coloured, and each word was a link of its own ("Generated", "on",
        // "Wed Mar 30 2022").
        ElementMap map = FixtureMaps.map(OCR, "corpus/libjsoncpp-doc-000-0.png");
        assertThat(map.elements()).filteredOn(e -> e.label().startsWith("Generated on Wed Mar 30 2022"))
                .singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(ElementType.TEXT));
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label).doesNotContain("Generated", "on");
    }

    @Test
    void aListsBulletInAnotherColourIsNoPartOfItsLink() throws IOException {
        // SQLAlchemy's list of ORM classes (training split): dark red names after grey rings, which OCR reads as "o",
        // "0 o" or "D", runs into the name ("。IdentityMap") or gives a line of its own. The links are the names
        // alone, and no ring is an element of its own.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-sqlalchemy-doc-002-2-bullets.png");
        assertThat(map.ofType(ElementType.LINK)).extracting(Element::label)
                .contains("Instance Events", "Attribute Events", "Query Events", "ClassManager", "ColumnProperty",
                        "IdentityMap", "InspectionAttr", "MapperProperty");
        assertThat(map.elements()).extracting(Element::label)
                .noneMatch(l -> l.codePointCount(0, l.length()) == 1)
                .noneMatch(l -> l.matches("^[o0D。•]\\s?[A-Z].*"));
    }
}
