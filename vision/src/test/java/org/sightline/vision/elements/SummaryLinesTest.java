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
}
