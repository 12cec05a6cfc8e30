package org.sightline.app.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.TestFonts;

class OcrReadServiceTest {

    @Test
    void modelsLoadInTheBackgroundBeforeTheFirstReadAndThatReadUsesThem() throws Exception {
        try (OcrReadService reader = new OcrReadService(ModelStores.standard())) {
            assertThat(reader.isLoaded()).isFalse();

            reader.preload();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!reader.isLoaded() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(reader.isLoaded()).as("loaded in the background").isTrue();
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
        }
    }
}
