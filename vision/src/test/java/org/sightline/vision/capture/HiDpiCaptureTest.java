package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HiDPI desktop at 200 percent: images at physical pixels, bounds in the halved coordinates a click needs.
 * The window is drawn by this JVM at scale 1 (physical pixels) and captured by a second JVM at scale 2.
 */
class HiDpiCaptureTest {

    @TempDir
    Path dir;

    @Test
    void capturesAtPhysicalPixelsAndReportsClickCoordinates() throws Exception {
        KnownWindow.assumeDisplay();
        Rectangle physical = new Rectangle(140, 90, 320, 240);
        try (KnownWindow window = KnownWindow.show("HiDPI window", new Rectangle(physical))) {
            window.focus();
            Path png = dir.resolve("window.png");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dsun.java2d.uiScale=2", "-Duser.language=en", "-cp", System.getProperty("java.class.path"),
                    HiDpiProbe.class.getName(), png.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
            assertThat(lines).contains("screen 0,0,640,400 2.0 1280x800", "window 70,45,160,120 2.0 320x240");
            assertThat(window.mismatches(ImageIO.read(png.toFile()), 0, 0)).isZero();
        }
    }
}
