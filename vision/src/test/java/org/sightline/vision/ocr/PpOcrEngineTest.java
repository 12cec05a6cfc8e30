package org.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;

/** The PP-OCRv4 engine with the real bundled models, on pages drawn here with known text. */
class PpOcrEngineTest {

    private static final Color INK = new Color(0x20, 0x20, 0x20);
    private static final Color PAPER = Color.WHITE;

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    private static List<String> lines(BufferedImage image) {
        return OCR.engine().read(image, TaskContext.none()).lines().stream().map(TextLine::text).toList();
    }

    @Test
    void readsSeveralFontsAndSizesInOrder() {
        BufferedImage page = new RenderedPage(900, 330, PAPER)
                .text("Open the settings to change the voice", "DejaVu Sans", Font.PLAIN, 13, INK, 20, 40)
                .text("Quarterly report 2024: revenue up 12%", "Liberation Serif", Font.PLAIN, 18, INK, 20, 100)
                .text("for (int i = 0; i < count; i++)", "DejaVu Sans Mono", Font.PLAIN, 14, INK, 20, 160)
                .text("Save File", "Liberation Sans", Font.BOLD, 28, INK, 20, 230)
                .text("Small print: version 1.4.2 build 42", "DejaVu Sans", Font.PLAIN, 11, INK, 20, 290)
                .image();
        assertThat(lines(page)).containsExactly(
                "Open the settings to change the voice",
                "Quarterly report 2024: revenue up 12%",
                "for (int i = 0; i < count; i++)",
                "Save File",
                "Small print: version 1.4.2 build 42");
    }

    @Test
    void readsLightTextOnDarkBackground() {
        Color dark = new Color(0x1e, 0x1e, 0x1e);
        Color light = new Color(0xd4, 0xd4, 0xd4);
        BufferedImage page = new RenderedPage(700, 140, dark)
                .text("Dark mode keeps the eyes rested", "DejaVu Sans", Font.PLAIN, 15, light, 20, 45)
                .text("Press Enter to continue", "Liberation Sans", Font.PLAIN, 15, light, 20, 100)
                .image();
        assertThat(lines(page)).containsExactly("Dark mode keeps the eyes rested", "Press Enter to continue");
    }

    @Test
    void readsTwoColumnsOneAfterTheOther() {
        RenderedPage page = new RenderedPage(1000, 330, PAPER)
                .text("Sightline weekly news", "DejaVu Sans", Font.BOLD, 22, INK, 20, 40);
        String[] left = {"The left column starts here", "and goes on for a while", "until it ends here."};
        String[] right = {"The right column comes next", "after the left one is read", "and closes the page."};
        for (int i = 0; i < 3; i++) {
            page.text(left[i], "DejaVu Sans", Font.PLAIN, 15, INK, 20, 110 + 28 * i);
            page.text(right[i], "DejaVu Sans", Font.PLAIN, 15, INK, 520, 110 + 28 * i);
        }
        OcrResult result = OCR.engine().read(page.image(), TaskContext.none());
        assertThat(result.lines().stream().map(TextLine::text).toList()).containsExactly(
                "Sightline weekly news",
                left[0], left[1], left[2],
                right[0], right[1], right[2]);
        assertThat(result.blocks()).hasSize(3);
        Rectangle heading = result.lines().get(0).box();
        assertThat(heading.contains(30, 32)).isTrue();
    }

    @Test
    void readsChinese() {
        BufferedImage page = new RenderedPage(600, 130, PAPER)
                .text("屏幕阅读器读取文字", "Noto Sans CJK SC", Font.PLAIN, 24, INK, 20, 50)
                .text("打开设置", "Noto Sans CJK SC", Font.PLAIN, 20, INK, 20, 105)
                .image();
        assertThat(lines(page)).containsExactly("屏幕阅读器读取文字", "打开设置");
    }

    @Test
    void readsTurnedText() {
        BufferedImage page = new RenderedPage(700, 420, PAPER)
                .rotatedText("Upside down label", "DejaVu Sans", 22, INK, 300, 80, 180)
                .rotatedText("A slanted heading", "DejaVu Sans", 22, INK, 60, 220, -12)
                .image();
        assertThat(lines(page)).containsExactly("Upside down label", "A slanted heading");
    }

    @Test
    void aShortCellTheDirectionClassifierWouldTurnIsReadUpright() throws Exception {
        // Part of a directory listing rendered by Chromium. Turned half a circle, "99M" is "W66", and in this
        // row the direction classifier alone turns the size cell over.
        BufferedImage listing;
        try (var in = PpOcrEngineTest.class.getResourceAsStream("directory-listing.png")) {
            listing = javax.imageio.ImageIO.read(in);
        }
        List<String> read = lines(listing);
        assertThat(read).filteredOn(l -> l.contains("2024-03-20 09:28")).singleElement().asString()
                .contains(" 99M First stable release");
        assertThat(read).noneMatch(l -> l.contains("W66"));
    }

    @Test
    void streamsLinesInReadingOrderBeforeReturning() {
        RenderedPage page = new RenderedPage(800, 400, PAPER);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String text = "Line number " + (i + 1) + " of the list";
            expected.add(text);
            page.text(text, "DejaVu Sans", Font.PLAIN, 15, INK, 20, 40 + 44 * i);
        }
        List<String> streamed = new ArrayList<>();
        List<OcrListener.LinePosition> positions = new ArrayList<>();
        OcrResult result = OCR.engine().read(page.image(), (line, at) -> {
            streamed.add(line.text());
            positions.add(at);
        }, TaskContext.none());
        assertThat(streamed).containsExactlyElementsOf(expected);
        assertThat(result.lines().stream().map(TextLine::text).toList()).isEqualTo(streamed);
        assertThat(positions.get(0).index()).isZero();
        assertThat(positions.get(0).startsBlock()).isTrue();
        assertThat(positions.get(7).expectedLines()).isEqualTo(8);
    }

    @Test
    void stitchesTilesOfAWideImage() {
        // Wider than one detection tile: the line crosses tile edges and must come out once, whole.
        BufferedImage page = new RenderedPage(3600, 120, PAPER)
                .text("This sentence runs across the edges of the detection tiles without breaking apart",
                        "DejaVu Sans", Font.PLAIN, 40, INK, 40, 75)
                .image();
        assertThat(lines(page)).containsExactly(
                "This sentence runs across the edges of the detection tiles without breaking apart");
    }

    @Test
    void blankCaptureIsReportedWithoutReading() {
        BufferedImage black = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> OCR.engine().read(black, TaskContext.none()))
                .isInstanceOf(SightlineException.class)
                .hasMessage("The capture is blank; is a screen curtain on?")
                .satisfies(e -> assertThat(((SightlineException) e).problem()).isEqualTo(Problem.BAD_INPUT));
    }

    @Test
    void imageWithoutTextGivesAnEmptyResult() {
        BufferedImage shapes = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        var g = shapes.createGraphics();
        g.setColor(new Color(0xdd, 0xee, 0xff));
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(0x33, 0x66, 0x99));
        g.fillOval(100, 60, 200, 180);
        g.dispose();
        OcrResult result = OCR.engine().read(shapes, TaskContext.none());
        assertThat(result.isEmpty()).isTrue();
        assertThat(result.text()).isEmpty();
    }

    @Test
    void cancelledReadingStops() {
        BufferedImage page = new RenderedPage(400, 100, PAPER)
                .text("Never read", "DejaVu Sans", Font.PLAIN, 16, INK, 20, 50).image();
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> OCR.engine().read(page, TaskContext.of(token, p -> { })))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void boxesMapToScreenCoordinates() {
        BufferedImage page = new RenderedPage(400, 100, PAPER)
                .text("Click here", "DejaVu Sans", Font.PLAIN, 16, INK, 40, 50).image();
        TextLine line = OCR.engine().read(page, TaskContext.none()).lines().get(0);
        Capture capture = new Capture(page, CaptureSource.WINDOW, new Rectangle(1000, 500, 200, 50), 2.0, "window",
                java.time.Instant.now());
        Rectangle onScreen = ScreenCoordinates.toScreen(line.box(), capture);
        assertThat(onScreen.x).isBetween(1000 + 15, 1000 + 22);
        assertThat(onScreen.y).isBetween(500 + 10, 500 + 20);
        assertThat(ScreenCoordinates.toScreen(line.box(), Capture.ofImage(page, CaptureSource.FILE, "f")))
                .isNull();
    }

    /**
     * Four lines of a manual in {@code family} at 9 points as a 300-dpi scan shows them (38 pixels, black on white,
     * grey noise of a fixed seed), read by the engine.
     */
    private static List<String> scannedManualLines(String family) {
        RenderedPage page = new RenderedPage(2400, 300, PAPER);
        String[] texts = {"\u2022 The schroot package to boost the chroot creation speed.",
            "[Constant] MD4_BLOCK_SIZE The internal block size of MD4.",
            "be smaller than RIPEMD160_DIGEST_SIZE, in which case",
            "the upstream tarball debhello-0.0.tar.gz and untars its"};
        for (int i = 0; i < texts.length; i++) {
            page.text(texts[i], family, Font.PLAIN, 38, Color.BLACK, 40, 60 + 60 * i);
        }
        BufferedImage image = page.image();
        java.util.Random noise = new java.util.Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int grey = (int) Math.max(0, Math.min(255, (image.getRGB(x, y) & 0xff) + noise.nextGaussian() * 20));
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        return lines(image);
    }

    @Test
    void aBulletReadAsADotBeforeTheFirstWordIsABullet() {
        // The recogniser reads the bullet as a middle dot in Liberation Serif, as a full stop in DejaVu Serif.
        assertThat(scannedManualLines("Liberation Serif").get(0)).startsWith("\u2022 The schroot package");
        assertThat(scannedManualLines("DejaVu Serif").get(0)).startsWith("\u2022 The schroot package");
    }

    @Test
    void zeroAndOInANameOfCapitalsAndUnderscoresFollowTheName() {
        // The recogniser alone reads "RIPEMD16O_DIGEST_SIZE" here: the zero after "16" as the letter O.
        assertThat(scannedManualLines("Liberation Mono")).contains(
                "be smaller than RIPEMD160_DIGEST_SIZE, in which case",
                "the upstream tarball debhello-0.0.tar.gz and untars its");
    }

    @Test
    void anUncertainLineOfSmallPrintIsReadAgainAtTwiceTheSize() {
        // Notes in 15-pixel Liberation Serif, each after a raised mark, scanned (grey noise of a fixed seed) and
        // drawn a third larger, as a 150-dpi scan is drawn for OCR. Read once, the second line ends "for al their
        // changes, i t".
        String[][] notes = {
            {"6", "In the case of a sponsored upload, the uploader signs the files, but the letter names the person "
                    + "who wrote it."},
            {"4", "Although nothing stops an author who is also the maintainer from using this list for all their "
                    + "changes, it"},
            {"2", "The reason for this is that the lists change, and you should name all those parts, and only "
                    + "those parts."},
            {"9", "This is not currently found when building the packages, but only when taking them apart again "
                    + "later."}};
        int w = 1300;
        int h = 60 * notes.length + 40;
        BufferedImage scan = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scan.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        float px = 15f;
        int y = 40;
        for (String[] note : notes) {
            g.setFont(org.sightline.vision.testing.TestFonts.font("Liberation Serif", Font.PLAIN, px * 0.7f));
            g.drawString(note[0], 20, y - px * 0.4f);
            int markWidth = g.getFontMetrics().stringWidth(note[0]);
            g.setFont(org.sightline.vision.testing.TestFonts.font("Liberation Serif", Font.PLAIN, px));
            g.drawString(note[1], 20 + markWidth + 2, y);
            y += 60;
        }
        g.dispose();
        java.util.Random noise = new java.util.Random(7);
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) {
                int grey = (int) Math.max(0, Math.min(255, (scan.getRGB(x, yy) & 0xff) + noise.nextGaussian() * 30));
                scan.setRGB(x, yy, grey << 16 | grey << 8 | grey);
            }
        }
        BufferedImage drawn = new BufferedImage(w * 4 / 3, h * 4 / 3, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = drawn.createGraphics();
        g2.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(scan, 0, 0, drawn.getWidth(), drawn.getHeight(), null);
        g2.dispose();

        assertThat(lines(drawn)).anySatisfy(line -> assertThat(line)
                .endsWith("from using this list for all their changes, it"));
    }
}
