package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sightline.vision.testing.TestFonts;

class DrawnBandsTest {

    @Test
    void longRunsOfRepeatedRowsAreLeftOutAndTextKeepsItsMargin() {
        BufferedImage page = page(1000, 600);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // A sidebar the whole height of the page repeats itself row after row.
        g.setColor(new Color(0xEE, 0xF0, 0xF4));
        g.fillRect(0, 0, 200, 1000);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, 16));
        g.drawString("First paragraph of the page", 220, 100);
        g.drawString("its second line, close below", 220, 120);
        g.drawString("A paragraph further down", 220, 400);
        g.dispose();

        List<int[]> bands = DrawnBands.of(page, 32, 32);

        assertThat(bands).hasSize(2);
        assertThat(bands.get(0)[0]).isBetween(50, 84);
        assertThat(bands.get(0)[1]).isBetween(124, 160);
        assertThat(bands.get(1)[0]).isBetween(350, 384);
        assertThat(bands.get(1)[1]).isBetween(404, 440);
        assertThat(bands.stream().mapToInt(b -> b[1] - b[0]).sum()).isLessThan(250);
    }

    @Test
    void shortGapsBetweenLinesStayInsideOneBand() {
        BufferedImage page = page(400, 300);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, 14));
        for (int y = 40; y < 260; y += 30) {
            g.drawString("line of text", 20, y);
        }
        g.dispose();

        List<int[]> bands = DrawnBands.of(page, 32, 32);

        assertThat(bands).hasSize(1);
        assertThat(bands.get(0)[0]).isZero();
        assertThat(bands.get(0)[1]).isBetween(270, 300);
    }

    @Test
    void aPhotoWhoseRowsAllDifferIsOneBand() {
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int v = 120 + random.nextInt(16);
                photo.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }

        assertThat(DrawnBands.of(photo, 32, 32)).containsExactly(new int[] {0, 200});
    }

    @Test
    void aSlowGradientCountsAsRepeatedRows() {
        BufferedImage page = new BufferedImage(200, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            int v = 255 - y / 4;
            for (int x = 0; x < 200; x++) {
                page.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }

        assertThat(DrawnBands.of(page, 32, 32)).isEmpty();
    }

    private static BufferedImage page(int height, int width) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }
}
