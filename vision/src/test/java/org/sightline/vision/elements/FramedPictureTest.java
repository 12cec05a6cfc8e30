package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;
import org.sightline.vision.testing.TestFonts;

/**
 * The browser's broken-image icon, a small framed picture of a green hill under a pale sky, is a picture: on
 * Graphviz's page of node shapes (its pictures did not load) OCR read each icon as "B" and the element map
 * took them for checked checkboxes labelled "B". A checkbox stays one: its inside is one colour with a white
 * tick.
 */
class FramedPictureTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    /** 460x240 of the shapes page: five rows of four broken icons, each over the shape's name. */
    @Test
    void brokenImageIconsArePicturesNotCheckboxes() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/graphviz-doc-001-0-broken.png");
        assertThat(map.ofType(ElementType.CHECKBOX)).isEmpty();
        assertThat(map.ofType(ElementType.IMAGE)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(map.elements()).extracting(Element::label).doesNotContain("B", "P")
                .contains("terminator", "insulator");
    }

    @Test
    void aCheckedBlueBoxWithAWhiteTickIsStillACheckbox() {
        BufferedImage page = new BufferedImage(480, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(page);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x00, 0x75, 0xff));
        g.fillRoundRect(30, 40, 16, 16, 4, 4);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.2f));
        g.drawPolyline(new int[] {34, 37, 43}, new int[] {48, 52, 44}, 3);
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(TestFonts.font("DejaVu Sans", Font.PLAIN, 16));
        g.drawString("Remember me on this computer", 54, 54);
        g.dispose();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "checkbox"),
                OCR.engine().read(page, TaskContext.none()), TaskContext.none());
        assertThat(map.ofType(ElementType.CHECKBOX)).singleElement().satisfies(e -> {
            assertThat(e.label()).isEqualTo("Remember me on this computer");
            assertThat(e.state()).isEqualTo(ElementState.CHECKED);
        });
        assertThat(map.ofType(ElementType.IMAGE)).isEmpty();
    }
}
