package org.sightline.app.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.read.TextReader;
import org.sightline.vision.testing.TestFonts;

/** The app's reading adapter over vision's shared reader: the text as read, or the app's sentence for none. */
class OcrReadServiceTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    @Test
    void linesStreamAsTheyAreReadAndAPageWithoutTextSaysSo() {
        try (OcrReadService reader = new OcrReadService(new TextReader(ModelStores.standard()))) {
            BufferedImage page = new BufferedImage(500, 80, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = page.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 500, 80);
            g.setColor(Color.BLACK);
            g.setFont(TestFonts.sans(Font.PLAIN, 20));
            g.drawString("Loaded before the first key", 20, 48);
            g.dispose();
            List<String> lines = new ArrayList<>();
            String text = reader.read(Capture.ofImage(page, CaptureSource.FILE, "test"), TaskContext.none(), lines::add);
            assertThat(text.strip()).isEqualTo("Loaded before the first key");
            assertThat(lines).containsExactly("Loaded before the first key");
            assertThat(reader.isLoaded()).isTrue();

            BufferedImage shapes = new BufferedImage(500, 200, BufferedImage.TYPE_INT_RGB);
            Graphics2D s = shapes.createGraphics();
            s.setColor(Color.WHITE);
            s.fillRect(0, 0, 500, 200);
            s.setColor(new Color(0x3366CC));
            s.fillOval(150, 40, 200, 120);
            s.dispose();
            assertThat(reader.read(Capture.ofImage(shapes, CaptureSource.FILE, "shapes"), TaskContext.none(), l -> { }))
                    .isEqualTo("No text found.");
        }
    }
}
