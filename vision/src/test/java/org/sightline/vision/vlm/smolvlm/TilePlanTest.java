package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TilePlanTest {

    @Test
    void fullHdScreenBecomesTwelveTilesAndAGlobalView() {
        TilePlan plan = TilePlan.of(1920, 1080, 2048, 512);
        assertThat(TilePlan.scaledToLongestEdge(1920, 1080, 2048)).containsExactly(2048, 1152);
        assertThat(plan).isEqualTo(new TilePlan(2048, 1536, 3, 4));
        assertThat(plan.imageCount()).isEqualTo(13);
        assertThat(plan.imageCount() * 64).isEqualTo(832);
    }

    @ParameterizedTest
    @CsvSource({
            // width, height, resized width, resized height, rows, cols
            "1080, 1920, 1536, 2048, 4, 3",
            "300, 200, 2048, 1536, 3, 4",      // small images are scaled up
            "4000, 100, 2048, 512, 1, 4",      // a thin strip
            "512, 512, 2048, 2048, 4, 4",
            "1280, 800, 2048, 1536, 3, 4",
    })
    void tilesFollowTheAspectRatio(int w, int h, int rw, int rh, int rows, int cols) {
        assertThat(TilePlan.of(w, h, 2048, 512)).isEqualTo(new TilePlan(rw, rh, rows, cols));
    }

    @Test
    void aLongestEdgeOfOneTileMeansNoSplitting() {
        TilePlan plan = TilePlan.of(800, 600, 512, 512);
        assertThat(plan.split()).isFalse();
        assertThat(plan.imageCount()).isEqualTo(1);
    }

    @Test
    void preprocessingGivesNormalisedChannelFirstViewsInTileOrder() {
        SmolVlmConfig config = SmolVlmConfig.read(TinyModel.DIR.resolve("config.json"),
                TinyModel.DIR.resolve("preprocessor_config.json"));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1920, 1080, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 960, 1080);       // left half white, right half black
        g.dispose();
        PixelBatch batch = new ImagePreprocessor(config).process(img, false);
        assertThat(batch.views()).hasSize(13);
        assertThat(batch.views().get(0)).hasSize(3 * 512 * 512);
        // Tile (row 1, col 1) is white: +1 after normalising; tile (row 1, col 4) is black: -1.
        assertThat(batch.views().get(0)[0]).isEqualTo(1f);
        assertThat(batch.views().get(3)[2 * 512 * 512 + 5]).isEqualTo(-1f);
        // Global view last: its left column is white, its right column black.
        float[] global = batch.views().get(12);
        assertThat(global[100 * 512 + 10]).isEqualTo(1f);
        assertThat(global[100 * 512 + 500]).isEqualTo(-1f);
        for (float v : global) {
            assertThat(v).isBetween(-1f, 1f);
        }

        PixelBatch fast = new ImagePreprocessor(config).process(img, true);
        assertThat(fast.views()).hasSize(1);
        assertThat(fast.plan().imageCount()).isEqualTo(1);
    }
}
