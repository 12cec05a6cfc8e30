package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.task.CancellationToken;
import org.sightline.task.TaskContext;

/**
 * Each block of 64 image rows in the prompt receives the view its {@code <row_r_col_c>} marker names, and the
 * global view comes last. The vision encoder here is a probe (vision/scripts/make_smolvlm_graphs.py
 * --probe-vision) whose features are each view's mean colour, so a picture painted tile by tile in different
 * colours shows, after preprocessing, encoding and merging, which pixels reached which tokens.
 */
class MergeOrderTest {

    private static final Path PROBE = Path.of("src/test/resources/vlm/probe/vision_encoder.onnx");
    private static final int TILE = 512;
    private static final int ROWS = 3;
    private static final int COLS = 4;

    @Test
    void everyTileReachesTheTokensItsMarkerNamesAndTheGlobalViewComesLast(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"embed_tokens.onnx", "decoder_model_merged.onnx", "tokenizer.json",
                "config.json", "preprocessor_config.json"}) {
            Files.copy(TinyModel.DIR.resolve(f), dir.resolve(f));
        }
        Files.copy(PROBE, dir.resolve("vision_encoder.onnx"));
        BufferedImage picture = new BufferedImage(COLS * TILE, ROWS * TILE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                g.setColor(colour(r, c));
                g.fillRect(c * TILE, r * TILE, TILE, TILE);
            }
        }
        g.dispose();

        try (SmolVlmBackend backend = SmolVlmBackend.open("probe", SmolVlmFiles.fromDirectory(dir));
             RunCancellation run = new RunCancellation(new CancellationToken())) {
            TaskContext context = TaskContext.of(new CancellationToken(), p -> { });
            int hidden = backend.config().hiddenSize();
            PixelBatch pixels = backend.preprocessor().process(picture, false);
            assertThat(pixels.plan().rows()).isEqualTo(ROWS);
            assertThat(pixels.plan().cols()).isEqualTo(COLS);
            float[] features = backend.encode(pixels, run, context);
            long[] ids = backend.tokenizer().encode(ChatPrompt.firstTurn("What is this?", pixels.plan(), 64));
            float[] embeds = backend.embed(ids, run, context);
            EmbeddingMerge.merge(embeds, ids, hidden, features, backend.config().imageTokenId());

            List<String> blocks = new ArrayList<>();
            String marker = null;
            int inBlock = 0;
            for (int i = 0; i < ids.length; i++) {
                long id = ids[i];
                if (id >= 49153 && id <= 49188) {
                    int index = (int) (id - 49153);
                    marker = "row " + (index / 6 + 1) + " col " + (index % 6 + 1);
                    inBlock = 0;
                } else if (id == 49152) {
                    marker = "global";
                    inBlock = 0;
                } else if (id == backend.config().imageTokenId()) {
                    if (inBlock++ == 0) {
                        blocks.add(marker);
                    }
                    float[] expected = marker.equals("global") ? globalMean() : normalised(tileOf(marker));
                    for (int ch = 0; ch < 3; ch++) {
                        assertThat(embeds[i * hidden + ch]).as("%s, channel %d", marker, ch)
                                .isCloseTo(expected[ch], within(0.02f));
                    }
                }
            }
            List<String> expectedOrder = new ArrayList<>();
            for (int r = 1; r <= ROWS; r++) {
                for (int c = 1; c <= COLS; c++) {
                    expectedOrder.add("row " + r + " col " + c);
                }
            }
            expectedOrder.add("global");
            assertThat(blocks).containsExactlyElementsOf(expectedOrder);
        }
    }

    /** Twelve colours whose channels all differ from one tile to the next. */
    private static Color colour(int r, int c) {
        int k = r * COLS + c;
        return new Color(20 + 18 * k, 235 - 15 * k, (40 + 97 * k) % 256);
    }

    private static Color tileOf(String marker) {
        String[] parts = marker.split(" ");
        return colour(Integer.parseInt(parts[1]) - 1, Integer.parseInt(parts[3]) - 1);
    }

    /** SmolVLM's normalisation: scale to [0, 1], subtract 0.5, divide by 0.5. */
    private static float[] normalised(Color colour) {
        return new float[] {colour.getRed() / 127.5f - 1, colour.getGreen() / 127.5f - 1, colour.getBlue() / 127.5f - 1};
    }

    /** The global view squeezes the whole picture into one tile: every tile keeps an equal share of it. */
    private static float[] globalMean() {
        float[] sum = new float[3];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                float[] one = normalised(colour(r, c));
                for (int ch = 0; ch < 3; ch++) {
                    sum[ch] += one[ch] / (ROWS * COLS);
                }
            }
        }
        return sum;
    }
}
