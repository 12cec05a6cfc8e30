package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileSplitterTest {

    @ParameterizedTest
    @CsvSource({"1280,1600", "1600,1600", "1601,900", "3840,2160", "4096,4096", "31,17"})
    void coresCoverTheImageExactlyOnceAndTilesStayWithinLimits(int width, int height) {
        List<TileSplitter.Tile> tiles = new TileSplitter(1600, 64).split(width, height);
        long area = 0;
        for (TileSplitter.Tile t : tiles) {
            Rectangle a = t.area();
            assertThat(a.width).isLessThanOrEqualTo(1600);
            assertThat(a.height).isLessThanOrEqualTo(1600);
            assertThat(a.contains(t.core())).isTrue();
            assertThat(new Rectangle(0, 0, width, height).contains(a)).isTrue();
            area += (long) t.core().width * t.core().height;
            for (TileSplitter.Tile other : tiles) {
                if (other != t) {
                    assertThat(other.core().intersects(t.core())).isFalse();
                }
            }
        }
        // Disjoint cores inside the image whose areas add up to the image cover it exactly once.
        assertThat(area).isEqualTo((long) width * height);
    }
}
