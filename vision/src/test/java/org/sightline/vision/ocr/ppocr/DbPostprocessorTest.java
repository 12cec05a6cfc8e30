package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostprocessorTest {

    @Test
    void findsEachTextKernelAndGrowsItBack() {
        int w = 200;
        int h = 100;
        float[] map = new float[w * h];
        fill(map, w, new Rectangle(20, 20, 100, 10), 0.9f);
        fill(map, w, new Rectangle(30, 60, 50, 8), 0.8f);
        fill(map, w, new Rectangle(150, 60, 30, 8), 0.35f); // above the threshold but too faint to be text
        List<Quad> quads = new DbPostprocessor(new DbPostprocessor.Settings(0.3f, 0.5f, 1.5, 3))
                .regions(map, w, h).stream().sorted(Comparator.comparingDouble(Quad::centerY)).toList();
        assertThat(quads).hasSize(2);
        Rectangle first = quads.get(0).bounds(w, h);
        // 100x10 grown by 100*10*1.5/220 = 6.8 pixels on each side.
        assertThat(first.x).isBetween(12, 14);
        assertThat(first.y).isBetween(12, 14);
        assertThat(first.width).isBetween(112, 116);
        assertThat(first.height).isBetween(22, 26);
        assertThat(quads.get(0).isAxisAligned()).isTrue();
        assertThat(quads.get(0).score()).isGreaterThan(0.85);
    }

    @Test
    void aSureNarrowKernelGetsTheHeightOfTheLinesAroundIt() {
        int w = 300;
        int h = 120;
        float[] map = new float[w * h];
        fill(map, w, new Rectangle(40, 20, 200, 8), 0.9f);
        fill(map, w, new Rectangle(40, 80, 150, 8), 0.9f);
        // A closing brace alone on its line between them: its kernel is 3 by 2 pixels.
        fill(map, w, new Rectangle(20, 50, 3, 2), 0.9f);
        // A faint thin kernel and a one-pixel speck are not characters.
        fill(map, w, new Rectangle(270, 50, 3, 2), 0.4f);
        fill(map, w, new Rectangle(280, 100, 1, 1), 0.95f);
        List<Quad> quads = new DbPostprocessor(DbPostprocessor.Settings.forScreens()).regions(map, w, h).stream()
                .sorted(Comparator.comparingDouble(Quad::centerY)).toList();
        assertThat(quads).hasSize(3);
        Rectangle line = quads.get(0).bounds(w, h);
        Rectangle brace = quads.get(1).bounds(w, h);
        assertThat(quads.get(1).isAxisAligned()).isTrue();
        assertThat(brace.height).isBetween(line.height - 2, line.height + 2);
        assertThat(brace.getCenterY()).isBetween(49.0, 53.0);
        assertThat(brace.getCenterX()).isBetween(19.0, 24.0);
        // It does not reach the lines above and below.
        assertThat(brace.intersects(line)).isFalse();
        assertThat(brace.intersects(quads.get(2).bounds(w, h))).isFalse();
    }

    @Test
    void aNarrowKernelAloneHasNothingToBeSizedBy() {
        int w = 100;
        int h = 60;
        float[] map = new float[w * h];
        fill(map, w, new Rectangle(20, 30, 3, 2), 0.9f);
        assertThat(new DbPostprocessor(DbPostprocessor.Settings.forScreens()).regions(map, w, h)).isEmpty();
    }

    private static void fill(float[] map, int w, Rectangle r, float v) {
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                map[y * w + x] = v;
            }
        }
    }
}
