package org.sightline.vision.vlm.smolvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Idefics3's image processor, rule by rule, on the pictures users give it. The expected sizes follow its
 * published rules: resize so that the longest edge is 4 x 512 = 2048 (small images are scaled up), the other
 * side {@code int(longest / aspect)} made even; round both sides up to whole 512 tiles; cut row by row; add
 * the whole image squeezed to one tile last. Expected pixels use the rules that need no resampling maths:
 * a resize keeps a flat colour flat, so a tile inside one flat area has that colour everywhere, normalised as
 * {@code (value / 255 - 0.5) / 0.5}.
 */
class ImagePreprocessorTest {

    private static ImagePreprocessor preprocessor;

    @BeforeAll
    static void load() {
        Path dir = TinyModel.DIR;
        preprocessor = new ImagePreprocessor(SmolVlmConfig.read(dir.resolve("config.json"),
                dir.resolve("preprocessor_config.json")));
    }

    @ParameterizedTest(name = "{0}: {1}x{2} -> {3}x{4}, {5} rows x {6} cols")
    @CsvSource({
        "full-HD screen,   1920, 1080, 2048, 1536, 3, 4",
        "wide UI,          2560, 1080, 2048, 1024, 2, 4",
        "small icon,        100,   60, 2048, 1536, 3, 4",
        "portrait phone,    600, 1000, 1536, 2048, 4, 3",
        "thin strip,       2000,   20, 2048,  512, 1, 4",
        "tall strip,         20, 2000,  512, 2048, 4, 1",
    })
    void picturesAreCutAsTheReferenceCutsThem(String what, int w, int h, int width, int height, int rows, int cols) {
        PixelBatch batch = preprocessor.process(flat(w, h, new Color(200, 120, 40), BufferedImage.TYPE_INT_RGB), false);
        assertThat(batch.plan()).isEqualTo(new TilePlan(width, height, rows, cols));
        assertThat(batch.views()).hasSize(rows * cols + 1);
        for (float[] view : batch.views()) {
            assertThat(view).hasSize(3 * 512 * 512);
            assertFlat(view, new Color(200, 120, 40));
        }
    }

    @Test
    void fastModeIsOneViewOfTheWholePicture() {
        PixelBatch batch = preprocessor.process(flat(1920, 1080, Color.BLUE, BufferedImage.TYPE_INT_RGB), true);
        assertThat(batch.plan()).isEqualTo(TilePlan.single(512));
        assertThat(batch.views()).hasSize(1);
        assertFlat(batch.views().get(0), Color.BLUE);
    }

    @Test
    void aGreyPictureGivesItsStoredValuesInEveryChannel() {
        // As a grey PNG or scan loads: the stored value is what the reference's convert("RGB") copies to R, G, B.
        BufferedImage grey = new BufferedImage(800, 600, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                grey.getRaster().setSample(x, y, 0, 100);
            }
        }
        PixelBatch batch = preprocessor.process(grey, false);
        assertThat(batch.views()).hasSize(13);
        assertFlat(batch.views().get(4), new Color(100, 100, 100));
        BufferedImage deep = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 65535);
        assertThat(ImagePreprocessor.planes(deep)[1][0]).isCloseTo(255f, within(0.01f));
    }

    @Test
    void aTransparentPictureIsWhite() {
        BufferedImage clear = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);   // every pixel 0x00000000
        for (float[] view : preprocessor.process(clear, false).views()) {
            assertFlat(view, Color.WHITE);
        }
    }

    @Test
    void tilesAreReadRowByRowAndTheGlobalViewSeesTheWholePicture() {
        // Left half black, right half white, 1024x512 -> 2048x1024: 2 rows of 4 tiles.
        BufferedImage halves = flat(1024, 512, Color.BLACK, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = halves.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(512, 0, 512, 512);
        g.dispose();
        PixelBatch batch = preprocessor.process(halves, false);
        assertThat(batch.plan()).isEqualTo(new TilePlan(2048, 1024, 2, 4));
        for (int tile = 0; tile < 8; tile++) {
            float expected = tile % 4 < 2 ? -1f : 1f;
            assertThat(red(batch.views().get(tile), 256, 256)).as("centre of tile %d", tile).isCloseTo(expected, within(0.01f));
        }
        float[] global = batch.views().get(8);
        assertThat(red(global, 128, 256)).isCloseTo(-1f, within(0.01f));
        assertThat(red(global, 384, 256)).isCloseTo(1f, within(0.01f));
    }

    @Test
    void transparentPixelsAreCompositedOnWhite() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00ff0000);   // fully transparent red: white
        image.setRGB(1, 0, 0x80000000);   // half-transparent black: mid grey
        image.setRGB(2, 0, 0xff0000ff);   // opaque blue: blue
        float[][] rgb = ImagePreprocessor.planes(image);
        assertThat(new float[] {rgb[0][0], rgb[1][0], rgb[2][0]}).containsExactly(255f, 255f, 255f);
        assertThat(rgb[0][1]).isCloseTo(255f * (1 - 128 / 255f), within(0.01f));
        assertThat(new float[] {rgb[0][2], rgb[1][2], rgb[2][2]}).containsExactly(0f, 0f, 255f);
    }

    @Test
    void anOpaqueImageKeepsItsColours() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x102030);
        float[][] rgb = ImagePreprocessor.planes(image);
        assertThat(new float[] {rgb[0][0], rgb[1][0], rgb[2][0]}).containsExactly(16f, 32f, 48f);
    }

    private static BufferedImage flat(int w, int h, Color colour, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    /** Every pixel of a CHW view is {@code colour}, normalised. */
    private static void assertFlat(float[] view, Color colour) {
        int n = 512 * 512;
        int[] channels = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        for (int c = 0; c < 3; c++) {
            float expected = channels[c] / 127.5f - 1;
            for (int i = 0; i < n; i += 997) {
                assertThat(view[c * n + i]).as("channel %d, pixel %d", c, i).isCloseTo(expected, within(0.01f));
            }
        }
    }

    private static float red(float[] view, int x, int y) {
        return view[y * 512 + x];
    }
}
