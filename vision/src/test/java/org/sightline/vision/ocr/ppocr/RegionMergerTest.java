package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionMergerTest {

    private static Quad box(int x, int y, int w, int h) {
        return Quad.ofRectangle(x, y, w, h, 0.9);
    }

    private static List<Rectangle> merged(Quad... quads) {
        return RegionMerger.merge(List.of(quads), 1280, 900).stream().map(q -> q.bounds(1280, 900)).toList();
    }

    @Test
    void aShortWordBesideATallOneIsTheSameLine() {
        // "Sign" with its capital and descender, "in" only x-height tall, as detection finds a big heading.
        List<Rectangle> out = merged(box(432, 140, 60, 23), box(497, 148, 20, 11));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.x).isEqualTo(432);
            assertThat(r.y).isEqualTo(140);
            assertThat(r.height).isEqualTo(23);
            // The short word's end gets the margin of the taller line, so its last letter is not cut.
            assertThat(r.x + r.width).isGreaterThan(517);
        });
    }

    @Test
    void columnsAndSmallMarksApartStaySeparate() {
        assertThat(merged(box(100, 100, 200, 20), box(340, 100, 200, 20))).hasSize(2);
        // A small box below the tall line's band (a footnote marker under the text) is not joined.
        assertThat(merged(box(100, 100, 200, 24), box(302, 118, 10, 10))).hasSize(2);
    }
}
