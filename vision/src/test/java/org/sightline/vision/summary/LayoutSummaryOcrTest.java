package org.sightline.vision.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.summary.LayoutSummary.Reason;
import org.sightline.vision.testing.TestFonts;
import org.sightline.vision.testing.RealOcr;

/** The summary of a rendered page read by the real PP-OCR models: the big heading is the title. */
class LayoutSummaryOcrTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    @Test
    void theBigHeadingIsTheTitleAndTheBodyIsQuoted() {
        BufferedImage page = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, 800);
        g.setColor(new Color(0x0B3D91));
        g.fillRect(0, 0, 1280, 40);
        g.setColor(new Color(0x202020));
        g.setFont(TestFonts.sans(Font.BOLD, 56));
        g.drawString("Garden Notes", 80, 140);
        g.setFont(TestFonts.sans(Font.PLAIN, 22));
        String[] body = {"The tomatoes ripened early this year.", "Water them every morning before ten.",
            "Pick the beans when they are thin.", "Compost the leaves in autumn."};
        for (int i = 0; i < body.length; i++) {
            g.drawString(body[i], 80, 230 + i * 34);
        }
        g.dispose();

        OcrResult text = OCR.engine().read(page, TaskContext.none());
        LayoutSummary summary = LayoutSummary.of(page, text);
        String spoken = summary.text(Reason.NO_MODEL);

        assertThat(summary.title()).contains("Garden Notes");
        assertThat(summary.opening()).first().isEqualTo(body[0]);
        assertThat(spoken).startsWith("No description model is installed, so here is a summary of the text and layout. "
                + "Title: Garden Notes. ").contains("It begins: " + body[0]).endsWith("Mostly white; light overall.");
    }
}
