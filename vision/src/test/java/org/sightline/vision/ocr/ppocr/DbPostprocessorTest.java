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

    private static void fill(float[] map, int w, Rectangle r, float v) {
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                map[y * w + x] = v;
            }
        }
    }
}
