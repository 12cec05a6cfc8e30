package org.sightline.vision.vlm.smolvlm;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sightline.vision.testing.TestFonts;

/** The tiny random-weight SmolVLM graphs under src/test/resources/vlm, made by vision/scripts/make_smolvlm_graphs.py. */
final class TinyModel {

    static final Path DIR = Path.of("src/test/resources/vlm/smolvlm-tiny");
    static final Path OPTIMUM_DIR = Path.of("src/test/resources/vlm/smolvlm-tiny-optimum");

    private TinyModel() {
    }

    static SmolVlmBackend open() {
        return SmolVlmBackend.open("smolvlm-tiny", SmolVlmFiles.fromDirectory(DIR));
    }

    /** A small screen-like picture with a title bar, text and a button. */
    static BufferedImage screen(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(40, 80, 160));
        g.fillRect(0, 0, w, h / 8);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.PLAIN, Math.max(10, h / 12)));
        g.drawString("Save File", w / 10, h / 2);
        g.setColor(Color.ORANGE);
        g.fillRoundRect(w / 2, h * 2 / 3, w / 4, h / 8, 8, 8);
        g.dispose();
        return img;
    }

    /**
     * For each look (an image resized to a longest edge), how many of its views differ from every view before
     * it, in that look and the looks before: what an encoder that never encodes the same pixels twice runs.
     * Compared value by value, independently of the runner's digests.
     */
    static List<Integer> newViews(SmolVlmBackend backend, List<BufferedImage> images, List<Integer> longestEdges) {
        List<float[]> seen = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int fresh = 0;
            for (float[] view : backend.preprocessor().process(images.get(i), longestEdges.get(i)).views()) {
                if (seen.stream().noneMatch(s -> Arrays.equals(s, view))) {
                    seen.add(view);
                    fresh++;
                }
            }
            counts.add(fresh);
        }
        return counts;
    }
}
