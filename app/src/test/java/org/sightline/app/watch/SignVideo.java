package org.sightline.app.watch;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.sightline.vision.testing.TestFonts;

/**
 * A real video file standing in for the camera: signs held up one after another, dark text on a light card,
 * written by FFmpeg (lossless FFV1 in Matroska) and played back through the same grabber a camera uses.
 */
public final class SignVideo {

    private SignVideo() {
    }

    /** Each sign for {@code seconds} at 5 frames a second. */
    public static Path write(Path file, List<String> signs, double seconds) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 480, 270, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setFrameRate(5);
            recorder.start();
            for (String sign : signs) {
                BufferedImage card = card(sign);
                for (int f = 0; f < Math.round(seconds * 5); f++) {
                    recorder.record(converter.convert(card));
                }
            }
            recorder.stop();
        }
        return file;
    }

    private static BufferedImage card(String text) {
        BufferedImage img = new BufferedImage(480, 270, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, 480, 270);
        g.setColor(new Color(245, 242, 230));
        g.fillRect(30, 80, 420, 110);
        g.setColor(new Color(20, 20, 20));
        g.setFont(TestFonts.sans(Font.BOLD, 30));
        g.drawString(text, 50, 148);
        g.dispose();
        return img;
    }
}
