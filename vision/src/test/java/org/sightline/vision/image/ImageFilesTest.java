package org.sightline.vision.image;

import java.awt.Font;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.vision.testing.TestFonts;

class ImageFilesTest {

    @TempDir
    Path dir;

    private static Locale saved;

    @BeforeAll
    static void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(saved);
    }

    @Test
    void readsAPng() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Path f = dir.resolve("a.png");
        ImageIO.write(img, "png", f.toFile());
        assertThat(ImageFiles.read(f).getWidth()).isEqualTo(40);
    }

    @Test
    void missingFileIsBadInputWithItsName() {
        Path f = dir.resolve("nothere.png");
        assertThatThrownBy(() -> ImageFiles.read(f)).isInstanceOf(SightlineException.class)
                .hasMessageContaining("nothere.png").hasMessageContaining("no file")
                .extracting(e -> ((SightlineException) e).problem()).isEqualTo(Problem.BAD_INPUT);
    }

    @Test
    void textFileIsNotAnImage() throws Exception {
        Path f = dir.resolve("notes.png");
        Files.writeString(f, "hello, this is text");
        assertThatThrownBy(() -> ImageFiles.read(f)).hasMessageContaining("not an image");
    }

    @Test
    void whereDocumentsAreTakenTooTheMessageNamesThem() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello, this is text");
        assertThatThrownBy(() -> ImageFiles.readPage(f)).isInstanceOf(SightlineException.class)
                .hasMessageContaining("neither an image nor a document").hasMessageContaining("Use a PDF, a TIFF");
    }

    @Test
    void truncatedPngIsCorrupt() throws Exception {
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(10, 10, 150, 150);
        g.dispose();
        Path whole = dir.resolve("whole.png");
        ImageIO.write(img, "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ImageFiles.read(cut)).isInstanceOf(SightlineException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void uniformImageIsBlankAndDrawingIsNot() {
        BufferedImage black = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        assertThat(ImageStats.of(black).isBlank()).isTrue();
        assertThat(ImageStats.of(black).isDark()).isTrue();
        BufferedImage text = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = text.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, 12));
        g.drawString("Hello", 20, 50);
        g.dispose();
        assertThat(ImageStats.of(text).isBlank()).isFalse();
    }

    @Test
    void aGreyPngReadsWithTheValuesItStores() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                grey.getRaster().setSample(x, y, 0, 100);
            }
        }
        Path file = dir.resolve("grey.png");
        ImageIO.write(grey, "png", file.toFile());
        assertThat(ImageIO.read(file.toFile()).getRGB(0, 0) & 0xff).as("what Java alone makes of it").isEqualTo(168);
        assertThat(ImageFiles.read(file).getRGB(0, 0)).isEqualTo(0xff646464);
    }

    @Test
    void greyWithAlphaKeepsBoth() {
        java.awt.image.ComponentColorModel model = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), true, false,
                java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(2, 1), false, null);
        image.getRaster().setPixel(0, 0, new int[] {100, 255});
        image.getRaster().setPixel(1, 0, new int[] {50, 0});
        BufferedImage rgb = GreyImages.asStoredRgb(image);
        assertThat(rgb.getRGB(0, 0)).isEqualTo(0xff646464);
        assertThat(rgb.getRGB(1, 0) >>> 24).isZero();
    }
}
