package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;
import org.sightline.vision.testing.TestFonts;

/** Whether a checkbox or a radio button is checked, as its pixels show it. */
class ToggleStatesTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    private static ElementMap mapOf(BufferedImage img, String name) {
        return ElementFinder.analyse(Capture.ofImage(img, CaptureSource.FILE, name),
                OCR.engine().read(img, TaskContext.none()), TaskContext.none());
    }

    @Test
    void chromiumsCheckedBoxAndRadioButtonAreCheckedAndTheEmptyOnesAreNot() throws IOException {
        // The team's settings page as Chromium draws its native controls: a blue box with a white tick, an empty
        // grey-bordered box, a blue ring round a blue dot, and empty rings.
        BufferedImage img;
        try (InputStream png = getClass().getResourceAsStream("settings-toggles.png")) {
            img = ImageIO.read(png);
        }
        ElementMap map = mapOf(img, "settings");
        assertThat(map.ofType(ElementType.CHECKBOX)).extracting(Element::label, Element::state).containsExactly(
                tuple("Email me about new invoices", ElementState.CHECKED),
                tuple("Send a weekly summary", ElementState.NOT_CHECKED));
        assertThat(map.ofType(ElementType.RADIO)).extracting(Element::label, Element::state).containsExactly(
                tuple("Light", ElementState.CHECKED),
                tuple("Dark", ElementState.NOT_CHECKED),
                tuple("Follow the system", ElementState.NOT_CHECKED));
    }

    @Test
    void aDarkTickInAWhiteBoxAndABoxFilledGreyButEmptyAreToldApart() {
        // Older toolkits: a black tick in a white box; a theme that fills its empty boxes grey.
        BufferedImage img = new BufferedImage(420, 130, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = DrawnScreensTest.canvas(img, Color.WHITE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(TestFonts.sans(Font.PLAIN, 17));
        List<String> labels = List.of("Keep me signed in", "Show hidden files");
        for (int i = 0; i < labels.size(); i++) {
            int y = 30 + 50 * i;
            g.setColor(i == 0 ? Color.WHITE : new Color(0xdd, 0xdd, 0xdd));
            g.fillRect(30, y, 16, 16);
            g.setColor(new Color(0x55, 0x55, 0x55));
            g.drawRect(30, y, 15, 15);
            if (i == 0) {
                g.setStroke(new BasicStroke(2.2f));
                g.setColor(Color.BLACK);
                g.drawPolyline(new int[] {33, 37, 43}, new int[] {y + 8, y + 12, y + 3}, 3);
                g.setStroke(new BasicStroke(1f));
            }
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), 56, y + 14);
        }
        g.dispose();
        ElementMap map = mapOf(img, "toolkit");
        assertThat(map.ofType(ElementType.CHECKBOX)).extracting(Element::label, Element::state).containsExactly(
                tuple("Keep me signed in", ElementState.CHECKED),
                tuple("Show hidden files", ElementState.NOT_CHECKED));
    }
}
