package org.sightline.vision.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.vision.capture.CameraSettings;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;
import org.sightline.vision.testing.TestFonts;

/** Live text from a video file standing in for the camera, through the same JavaCV grabber a camera uses. */
@Tag("slow")
class CameraWatchTest {

    @TempDir
    static Path dir;
    private static OcrEngine engine;
    private static Locale saved;

    static final List<String> SIGNS = List.of("Platform 4 this way", "Ticket office closed", "Exit to the car park");

    @BeforeAll
    static void load() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        engine = PpOcrEngine.load(BundledOcrModels.extractTo(dir.resolve("models")));
    }

    @AfterAll
    static void close() {
        engine.close();
        Messages.setLocale(saved);
    }

    /** A sign held up to the camera: dark text on a light card, a little off centre. */
    private static BufferedImage sign(String text, int shift) {
        BufferedImage img = new BufferedImage(480, 270, BufferedImage.TYPE_3BYTE_BGR);
        var g = img.createGraphics();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, 480, 270);
        g.setColor(new Color(245, 242, 230));
        g.fillRect(30 + shift, 80, 420, 110);
        g.setColor(new Color(20, 20, 20));
        g.setFont(TestFonts.sans(Font.BOLD, 30));
        g.drawString(text, 50 + shift, 148);
        g.dispose();
        return img;
    }

    private static BufferedImage motionBlurred(BufferedImage img) {
        // A shaking hand smears the picture every way; strongest along the movement.
        float[] k = new float[25 * 9];
        Arrays.fill(k, 1f / k.length);
        ConvolveOp smear = new ConvolveOp(new Kernel(25, 9, k), ConvolveOp.EDGE_NO_OP, null);
        return smear.filter(smear.filter(img, null), null);
    }

    /** Each sign for 1.2 s at 5 frames a second; between the first and the second the card is moved, blurred. */
    static Path video(Path file) throws Exception {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 480, 270, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setFrameRate(5);
            recorder.start();
            for (int s = 0; s < SIGNS.size(); s++) {
                for (int f = 0; f < 6; f++) {
                    recorder.record(converter.convert(sign(SIGNS.get(s), 0)));
                }
                if (s == 0) {
                    for (int f = 0; f < 6; f++) {
                        recorder.record(converter.convert(motionBlurred(sign(SIGNS.get(1), f * 12 - 30))));
                    }
                }
            }
            recorder.stop();
        }
        return file;
    }

    @Test
    void readsTheSignsOfAVideoUsedAsTheCameraAndSaysHoldStillWhileItMoves() throws Exception {
        Path video = video(dir.resolve("signs.mkv"));
        RecordingListener heard = new RecordingListener();
        Watcher w = Watcher.start(new CameraFrames(Captures.camera(CameraSettings.standIn(video))), engine,
                WatchSettings.standard(LinePolicy.LATEST_FIRST), heard);
        try {
            assertThat(heard.awaitLine(SIGNS.get(2), 15_000)).as("heard %s", heard.texts()).isTrue();
        } finally {
            w.stop();
        }
        assertThat(heard.awaitStop(5000)).isEqualTo(StopReason.byUser());
        assertThat(heard.texts().subList(0, 3)).isEqualTo(SIGNS);
        assertThat(heard.notices()).contains("Hold still.");
    }
}
