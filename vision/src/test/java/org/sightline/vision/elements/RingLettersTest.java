package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;

/**
 * A page Chromium rendered (the library page of the app's journeys, at 1000 by 640): a paragraph that begins with
 * the letter O beside a form of real check boxes and radio buttons. The O of "Open" was once taken for a radio
 * button labelled with the rest of its line. Its picture, a blue sky over a green hill in flat colours, was once
 * not found at all: the search for pictures wanted texture.
 */
class RingLettersTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    private static ElementMap map;

    @BeforeAll
    static void readOnce() throws IOException {
        BufferedImage page;
        try (InputStream in = RingLettersTest.class.getResourceAsStream("library-page.png")) {
            page = ImageIO.read(in);
        }
        map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "library-page.png"),
                OCR.engine().read(page, TaskContext.none()), TaskContext.none());
    }

    /** Where the page's 240 by 160 picture lies on the screenshot. */
    private static final Rectangle PICTURE = new Rectangle(24, 327, 240, 160);

    @Test
    void theFlatColourPictureIsTheOnlyPicture() {
        assertThat(map.ofType(ElementType.IMAGE)).singleElement()
                .satisfies(e -> assertThat(ElementFinder.iou(e.imageBox(), PICTURE)).isGreaterThan(0.8));
    }

    @Test
    void aLineBeginningWithTheLetterOIsNotARadioButton() {
        assertThat(map.ofType(ElementType.RADIO)).extracting(Element::label).containsExactly("Mornings", "Evenings");
        assertThat(map.ofType(ElementType.CHECKBOX)).extracting(Element::label).containsExactly("Email me the news");
    }

    /**
     * The word "a" in running text, a ring with a word space on each side: Javadoc's "Returns a List containing a
     * ThreadReference" and the Debian Developer's Reference's "fitness for a particular purpose" each gave checked
     * radio buttons labelled by the rest of the line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"corpus/openjdk-17-doc-001-0-sentence.png",
        "corpus/developers-reference-001-0-sentence.png"})
    void theWordAInASentenceIsNoRadioButton(String page) throws IOException {
        ElementMap sentence = FixtureMaps.map(OCR, page);
        assertThat(sentence.ofType(ElementType.RADIO)).isEmpty();
        assertThat(sentence.ofType(ElementType.CHECKBOX)).isEmpty();
    }
}
