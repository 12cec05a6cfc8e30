package org.sightline.vision.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;

/** The camera path with real FFmpeg decoding: video files and image folders standing in for a camera. */
class CameraSourceTest {

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
    void aVideoFileGivesItsFramesInOrderAtItsOwnPaceAndLoops() throws Exception {
        Path video = TestVideos.write(dir.resolve("page.mkv"), 4, 20);
        try (CameraSource camera = CameraSource.open(CameraSettings.standIn(video))) {
            assertThat(camera.description()).isEqualTo("page.mkv standing in for the camera");
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                BufferedImage frame = camera.nextFrame(TaskContext.none());
                assertThat(frame.getWidth()).isEqualTo(160);
                assertThat(frame.getHeight()).isEqualTo(120);
                assertThat(TestVideos.near(frame.getRGB(80, 60), TestVideos.colourOf(i % 4), 3))
                        .as("frame %d has colour %s", i, new Color(frame.getRGB(80, 60)))
                        .isTrue();
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // 10 frames at 20 per second: 9 intervals of 50 ms at least.
            assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void aSnapshotIsACameraCapture() throws Exception {
        Path video = TestVideos.write(dir.resolve("desk.mkv"), 2, 10);
        try (CameraSource camera = Captures.camera(CameraSettings.standIn(video))) {
            Capture c = camera.snapshot(TaskContext.none());
            assertThat(c.source()).isEqualTo(CaptureSource.CAMERA);
            assertThat(c.screenBounds()).isNull();
            assertThat(TestVideos.near(c.image().getRGB(10, 10), TestVideos.colourOf(0), 3)).isTrue();
        }
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedQuickly() throws Exception {
        Path fake = Files.writeString(dir.resolve("holiday.mp4"), "this is a text file, not a video\n".repeat(50));
        long start = System.nanoTime();
        assertThatThrownBy(() -> CameraSource.open(CameraSettings.standIn(fake)))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT))
                .hasMessage(fake + " is not a video Sightline can play. Use a video file (such as MP4, MKV or AVI),"
                        + " an image or a folder of images.");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
    }

    @Test
    void aMissingStandInIsBadInput() {
        assertThatThrownBy(() -> CameraSource.open(CameraSettings.standIn(dir.resolve("nothing.mp4"))))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT))
                .hasMessageContaining("There is no file or folder at");
    }

    @Test
    void aMissingCameraIsReportedAtOnce() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> CameraSource.open(CameraSettings.device(57)))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE))
                .hasMessage("There is no camera 57. Plug a camera in, or choose another camera in the settings.");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    }

    @Test
    void anImageFolderPlaysItsImagesInNameOrder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pages"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(TestVideos.colourOf(i));
            g.fillRect(0, 0, 50, 40);
            g.dispose();
            ImageIO.write(img, "png", folder.resolve("page-" + i + ".png").toFile());
        }
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        try (CameraSource camera = CameraSource.open(CameraSettings.standIn(folder).withStandInFramesPerSecond(50))) {
            for (int i = 0; i < 4; i++) {
                assertThat(camera.nextFrame(TaskContext.none()).getRGB(3, 3) & 0xffffff)
                        .isEqualTo(TestVideos.colourOf(i % 3).getRGB() & 0xffffff);
            }
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> CameraSource.open(CameraSettings.standIn(empty)))
                .isInstanceOfSatisfying(SightlineException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT));
    }

    @Test
    void waitingForAFrameStopsWhenCancelled() throws Exception {
        Path video = TestVideos.write(dir.resolve("slow.mkv"), 2, 0.5);
        CancellationToken token = new CancellationToken();
        try (CameraSource camera = CameraSource.open(CameraSettings.standIn(video))) {
            camera.nextFrame(TaskContext.none());
            new Thread(() -> {
                sleep(150);
                token.cancel();
            }).start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> camera.nextFrame(TaskContext.of(token, p -> { })))
                    .isInstanceOf(CancelledException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        }
    }

    /**
     * A camera that stops sending pictures mid-use (unplugged): a video arriving through a pipe whose writer
     * goes quiet. The wait ends after the timeout with a message instead of hanging.
     */
    @Test
    @Timeout(30)
    void aCameraThatGoesQuietGivesAMessageNotAHang() throws Exception {
        Path video = TestVideos.write(dir.resolve("whole.mkv"), 40, 25);
        byte[] bytes = Files.readAllBytes(video);
        Path pipe = dir.resolve("camera.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                Thread.sleep(20_000);
            } catch (Exception ignored) {
                // The test ends by closing the camera; the pipe breaks then.
            }
        });
        writer.setDaemon(true);
        writer.start();
        CameraSettings settings = CameraSettings.standIn(pipe).withTimeout(Duration.ofSeconds(1));
        try (CameraSource camera = CameraSource.open(settings)) {
            SightlineException failure = null;
            for (int i = 0; i < 60 && failure == null; i++) {
                try {
                    camera.nextFrame(TaskContext.none());
                } catch (SightlineException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
            assertThat(failure.getMessage()).isEqualTo("No picture came from camera.pipe standing in for the camera within 1 seconds;"
                    + " it may be unplugged. Check its cable and try again.");
        } finally {
            writer.interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
