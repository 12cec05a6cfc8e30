package org.sightline.vision.capture;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Writes real video files for the camera tests with FFmpeg, frame by frame. */
final class TestVideos {

    private TestVideos() {
    }

    /** The colour of frame {@code i}: far apart from one frame to the next so each is recognisable. */
    static Color colourOf(int i) {
        int[][] palette = {{220, 40, 40}, {40, 200, 60}, {40, 60, 220}, {230, 210, 30}, {200, 60, 200},
            {30, 200, 210}};
        int[] c = palette[i % palette.length];
        return new Color(c[0], c[1], c[2]);
    }

    /** {@code frames} frames of 160x120, each one flat colour, at {@code fps}, lossless (FFV1 in Matroska). */
    static Path write(Path file, int frames, double fps) throws Exception {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 160, 120, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setFrameRate(fps);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_3BYTE_BGR);
                var g = img.createGraphics();
                g.setColor(colourOf(i));
                g.fillRect(0, 0, 160, 120);
                g.dispose();
                recorder.record(converter.convert(img));
            }
            recorder.stop();
        }
        return file;
    }

    static boolean near(int rgb, Color expected, int tolerance) {
        Color c = new Color(rgb);
        return Math.abs(c.getRed() - expected.getRed()) <= tolerance
                && Math.abs(c.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(c.getBlue() - expected.getBlue()) <= tolerance;
    }
}
