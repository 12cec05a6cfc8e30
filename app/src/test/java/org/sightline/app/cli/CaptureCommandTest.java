package org.sightline.app.cli;

import java.awt.Font;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.vision.testing.Displays;
import org.sightline.vision.testing.TestFonts;

/** {@code sightline capture} as a user runs it: exit codes, one-line messages, and the PNG it writes. */
class CaptureCommandTest {

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

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path video(int frames) throws Exception {
        Path file = dir.resolve("stand-in.mkv");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 320, 240, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
                var g = img.createGraphics();
                g.setColor(new Color(240, 240, 235));
                g.fillRect(0, 0, 320, 240);
                g.setColor(Color.BLACK);
                g.setFont(TestFonts.sans(Font.PLAIN, 20));
                g.drawString("Frame " + i + ": milk, eggs, bread", 20, 60 + i * 10);
                g.dispose();
                recorder.record(converter.convert(img));
            }
            recorder.stop();
        }
        return file;
    }

    @Test
    void aCameraSnapshotFromAVideoStandingInForTheCamera() throws Exception {
        Path out = dir.resolve("snap.png");
        Result r = run("capture", "camera", "--from", video(5).toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Saved stand-in.mkv standing in for the camera (320 by 240 pixels) to ");
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(320);
        assertThat(new Color(png.getRGB(5, 5))).isEqualTo(new Color(240, 240, 235));
        int dark = 0;
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                dark += (png.getRGB(x, y) & 0xff) < 100 ? 1 : 0;
            }
        }
        assertThat(dark).as("pixels of the first frame's text").isGreaterThan(100);
    }

    @Test
    void theLiveModeTakesTheFirstWellFramedPicture() throws Exception {
        Path frames = Files.createDirectories(dir.resolve("frames"));
        ImageIO.write(flat(Color.BLACK), "png", frames.resolve("a-covered.png").toFile());
        BufferedImage page = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, 12));
        g.drawString("A page of text, held well", 40, 100);
        g.drawString("Second line of the page", 40, 140);
        g.dispose();
        ImageIO.write(page, "png", frames.resolve("b-page.png").toFile());
        ImageIO.write(page, "png", frames.resolve("c-page.png").toFile());
        Path out = dir.resolve("live.png");
        Result r = run("capture", "camera", "--live", "--from", frames.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow())
                .isEqualTo("The picture is one flat colour; is the lens covered, or is the camera facing a wall?");
        assertThat(ImageIO.read(out.toFile()).getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void aFileThatIsNotAVideoExitsWithBadInput() throws Exception {
        Path fake = Files.writeString(dir.resolve("clip.mp4"), "not a video at all\n".repeat(20));
        Result r = run("capture", "camera", "--from", fake.toString(), "--out", dir.resolve("x.png").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).containsExactly(fake + " is not a video Sightline can play. Use a video file"
                + " (such as MP4, MKV or AVI), an image or a folder of images.");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void aMissingCameraExitsWithDeviceUnavailable() {
        Result r = run("capture", "camera", "--device", "57", "--out", dir.resolve("x.png").toString());
        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("There is no camera 57.");
    }

    @Test
    void anOutputInAMissingFolderIsRefusedBeforeCapturing() {
        Result r = run("capture", "camera", "--device", "57", "--out", dir.resolve("no/such/x.png").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("does not exist");
    }

    @Test
    void withoutADisplayTheScreenGivesOneLineAndExitCode5() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "-cp", System.getProperty("java.class.path"),
                "org.sightline.app.Main", "capture", "screen", "--out", dir.resolve("s.png").toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(5);
        assertThat(err.lines().filter(l -> !l.isBlank()).toList()).containsExactly("There is no display to capture:"
                + " Sightline needs a graphical desktop session. Run it from your desktop, or set DISPLAY.");
    }

    @Test
    void theScreenUnderADisplayIsSavedWithItsBounds() throws Exception {
        Displays.assumeX11();
        Path out = dir.resolve("screen.png");
        Result r = run("capture", "screen", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        var screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(screen.width);
        assertThat(r.out()).contains("On the screen at x 0, y 0, " + screen.width + " by " + screen.height
                + ", scale 1.00.");
    }

    private static BufferedImage flat(Color c) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return img;
    }
}
