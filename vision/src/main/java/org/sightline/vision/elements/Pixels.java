package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packed RGB pixels of an image, read once, with the colour measures the element analysis shares. */
final class Pixels {

    final int width;
    final int height;
    final int[] rgb;

    Pixels(BufferedImage image) {
        width = image.getWidth();
        height = image.getHeight();
        rgb = image.getRGB(0, 0, width, height, null, 0, width);
    }

    int at(int x, int y) {
        return rgb[y * width + x];
    }

    /** Ink differs from the background behind it by more than this (channel difference); less is background. */
    static final int INK_CONTRAST = 60;
    /** Chroma from which ink has a hue of its own, as a link's blue or a highlighted keyword's colour has. */
    static final int HUE = 45;
    /**
     * Chroma below which ink is a grey: body text's black or grey, whatever its shade. Not {@link #HUE}: one value
     * for both (45 or 50) found fewer links on the corpus's training sample (recall 0.78 -> 0.77).
     */
    static final int GREY_BELOW = 50;
    /**
     * Chroma, and distance from the body's ink, at which text stands clearly apart in colour: a link colour the
     * eye cannot miss. Also the distance within which ink is the body's own.
     */
    static final int CLEARLY_APART = 60;

    /** Whether the pixel at (x, y) is ink on {@code background}: it differs by more than {@link #INK_CONTRAST}. */
    boolean inkAt(int x, int y, int background) {
        return distance(at(x, y), background) > INK_CONTRAST;
    }

    /** The first and last rows of {@code box} that hold ink on {@code background}; {0, -1} when none do. */
    int[] inkRows(Rectangle box, int background) {
        Rectangle b = box.intersection(bounds());
        int top = -1;
        int bottom = -1;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                if (inkAt(x, y, background)) {
                    top = top < 0 ? y : top;
                    bottom = y;
                    break;
                }
            }
        }
        return top < 0 ? new int[] {0, -1} : new int[] {top, bottom};
    }

    /** The largest difference of one channel: a cheap colour distance that sees a blue link on black text. */
    static int distance(int a, int b) {
        int dr = Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff));
        int dg = Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff));
        int db = Math.abs((a & 0xff) - (b & 0xff));
        return Math.max(dr, Math.max(dg, db));
    }

    /** How far a colour is from grey (0 for black, white and greys). */
    static int chroma(int c) {
        int r = (c >> 16) & 0xff;
        int g = (c >> 8) & 0xff;
        int b = c & 0xff;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    /** A colour with each channel rounded to 16 levels, so anti-aliasing noise falls into one bin. */
    static int quantize(int c) {
        return c & 0xf0f0f0;
    }

    /** The colour in {@code area} farthest from {@code background} (the first such); the background when none is. */
    int strongestColour(Rectangle area, int background) {
        int best = background;
        int bestDistance = -1;
        Rectangle r = area.intersection(bounds());
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int d = distance(at(x, y), background);
                if (d > bestDistance) {
                    bestDistance = d;
                    best = at(x, y);
                }
            }
        }
        return best;
    }

    /** The most frequent (quantized) colour inside {@code area}, sampled; the background behind text. */
    int dominantColour(Rectangle area) {
        Rectangle r = area.intersection(new Rectangle(0, 0, width, height));
        if (r.isEmpty()) {
            return 0xffffff;
        }
        int step = Math.max(1, (int) Math.sqrt((double) r.width * r.height / 4000.0));
        List<Integer> samples = new ArrayList<>();
        for (int y = r.y; y < r.y + r.height; y += step) {
            for (int x = r.x; x < r.x + r.width; x += step) {
                samples.add(at(x, y));
            }
        }
        return mostCommon(samples);
    }

    /**
     * The most frequent of {@code colours} once quantized ({@link #quantize}), as the mean of the colours in its
     * bin; white when there are none.
     */
    static int mostCommon(List<Integer> colours) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (int colour : colours) {
            int c = colour & 0xffffff;
            int[] n = counts.computeIfAbsent(quantize(c), k -> new int[4]);
            n[0]++;
            n[1] += (c >> 16) & 0xff;
            n[2] += (c >> 8) & 0xff;
            n[3] += c & 0xff;
        }
        int[] best = null;
        for (int[] n : counts.values()) {
            if (best == null || n[0] > best[0]) {
                best = n;
            }
        }
        return best == null ? 0xffffff : ((best[1] / best[0]) << 16) | ((best[2] / best[0]) << 8) | (best[3] / best[0]);
    }

    Rectangle bounds() {
        return new Rectangle(0, 0, width, height);
    }
}
