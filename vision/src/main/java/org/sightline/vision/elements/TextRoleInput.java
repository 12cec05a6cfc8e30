package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the text role model is given for one text segment, computed exactly as the script that trained it
 * computes it ({@code vision/scripts/text-roles/preprocess.py}; {@code TextRoleModelTest} holds the two to the
 * same numbers). First each box is shrunk to its ink ({@link #inkBox}): the DOM's boxes that the model was
 * trained on hold the font's whole line height, OCR's hold the letters and a few pixels, and both shrink to about
 * the same ink, so headings keep their size relative to the body text. Then two parts:
 *
 * <ul>
 *   <li>A crop: the segment's box grown by {@code (h + 2) / 3} pixels on every side (pixels outside the image
 *       repeat the nearest edge), scaled to {@link #HEIGHT} rows with its aspect kept, each output pixel the
 *       plain mean of the source pixels it covers (cell bounds {@code i * ch / HEIGHT} in integers, at least
 *       one pixel), at most {@link #WIDTH} columns (a longer line keeps its left part), zero after that; values
 *       are {@code RGB / 255 - 0.5}, channels first. Only integers decide which pixels are averaged, so both
 *       sides average the same pixels.</li>
 *   <li>{@link #FEATURES} numbers about its place among the page's other segments (see {@link #features}).</li>
 * </ul>
 */
final class TextRoleInput {

    static final int HEIGHT = 24;
    static final int WIDTH = 192;
    static final int FEATURES = 10;
    /** Floats of one crop, channels first. */
    static final int CROP_SIZE = 3 * HEIGHT * WIDTH;

    /** A pixel is ink when one of its channels differs from the background by more than this. */
    private static final int INK = 48;

    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");
    /** Free space above or below is counted up to this many body heights. */
    private static final double MAX_GAP = 5;

    private TextRoleInput() {
    }

    /**
     * {@code box} shrunk to the pixels that differ from its background (the commonest colour on its border, the
     * smallest packed RGB value among equals) by more than {@link #INK} in some channel; the box clipped to the
     * image when it holds no ink, the box itself when it lies outside.
     */
    static Rectangle inkBox(Pixels pixels, Rectangle box) {
        int x0 = Math.max(0, box.x);
        int y0 = Math.max(0, box.y);
        int x1 = Math.min(pixels.width, box.x + box.width);
        int y1 = Math.min(pixels.height, box.y + box.height);
        if (x1 <= x0 || y1 <= y0) {
            return new Rectangle(box);
        }
        Map<Integer, Integer> border = new HashMap<>();
        for (int x = x0; x < x1; x++) {
            border.merge(pixels.at(x, y0) & 0xffffff, 1, Integer::sum);
            border.merge(pixels.at(x, y1 - 1) & 0xffffff, 1, Integer::sum);
        }
        for (int y = y0; y < y1; y++) {
            border.merge(pixels.at(x0, y) & 0xffffff, 1, Integer::sum);
            border.merge(pixels.at(x1 - 1, y) & 0xffffff, 1, Integer::sum);
        }
        int background = 0;
        int most = -1;
        for (Map.Entry<Integer, Integer> e : border.entrySet()) {
            if (e.getValue() > most || e.getValue() == most && e.getKey() < background) {
                most = e.getValue();
                background = e.getKey();
            }
        }
        int top = -1;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (Pixels.distance(pixels.at(x, y), background) > INK) {
                    if (top < 0) {
                        top = y;
                    }
                    bottom = y;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (top < 0) {
            return new Rectangle(x0, y0, x1 - x0, y1 - y0);
        }
        return new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    /** Writes the crop of {@code box} into {@code out} from {@code offset} ({@link #CROP_SIZE} floats). */
    static void crop(Pixels pixels, Rectangle box, float[] out, int offset) {
        int h = box.height;
        int m = (h + 2) / 3;
        int x0 = box.x - m;
        int y0 = box.y - m;
        int ch = h + 2 * m;
        int cw = box.width + 2 * m;
        int outW = Math.min(WIDTH, (cw * HEIGHT + ch - 1) / ch);
        int[][] rows = bounds(HEIGHT, ch, ch);
        int[][] cols = bounds(outW, ch, cw);
        int plane = HEIGHT * WIDTH;
        for (int i = 0; i < HEIGHT; i++) {
            for (int j = 0; j < outW; j++) {
                long r = 0;
                long g = 0;
                long b = 0;
                for (int y = rows[0][i]; y < rows[1][i]; y++) {
                    int sy = clamp(y0 + y, pixels.height);
                    for (int x = cols[0][j]; x < cols[1][j]; x++) {
                        int c = pixels.at(clamp(x0 + x, pixels.width), sy);
                        r += (c >> 16) & 0xff;
                        g += (c >> 8) & 0xff;
                        b += c & 0xff;
                    }
                }
                double count = (double) (rows[1][i] - rows[0][i]) * (cols[1][j] - cols[0][j]);
                int at = offset + i * WIDTH + j;
                out[at] = (float) (r / count / 255.0 - 0.5);
                out[at + plane] = (float) (g / count / 255.0 - 0.5);
                out[at + 2 * plane] = (float) (b / count / 255.0 - 0.5);
            }
        }
    }

    /** Start and end (exclusive) of {@code n} output cells over {@code span} source pixels, {@code size} per HEIGHT. */
    private static int[][] bounds(int n, int size, int span) {
        int[][] b = new int[2][n];
        for (int i = 0; i < n; i++) {
            int start = i * size / HEIGHT;
            int end = Math.max(start + 1, (i + 1) * size / HEIGHT);
            b[0][i] = Math.min(start, span - 1);
            b[1][i] = Math.min(end, span);
        }
        return b;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /**
     * The numbers of each segment, {@link #FEATURES} per segment: its height over the body text's (the median
     * height weighted by characters), the log of its aspect, its left and right edges and its top over the
     * image's size, how many others share its row (up to 5, over 5), the free space above and below it (to the
     * nearest segment overlapping it horizontally, in body heights, up to 5, over 5), its words (up to 12, over
     * 12) and whether it ends with a colon.
     */
    static float[] features(List<Rectangle> boxes, List<String> texts, int imageWidth, int imageHeight) {
        double body = bodyHeight(boxes, texts);
        float[] out = new float[boxes.size() * FEATURES];
        for (int k = 0; k < boxes.size(); k++) {
            Rectangle s = boxes.get(k);
            int row = 0;
            double above = MAX_GAP;
            double below = MAX_GAP;
            for (int j = 0; j < boxes.size(); j++) {
                if (j == k) {
                    continue;
                }
                Rectangle o = boxes.get(j);
                if (sameRow(s, o)) {
                    row++;
                    continue;
                }
                if (o.x < s.x + s.width && o.x + o.width > s.x) {
                    if (o.y + o.height <= s.y + s.height / 2.0) {
                        above = Math.min(above, Math.max(0, (s.y - (o.y + o.height)) / body));
                    } else if (o.y >= s.y + s.height / 2.0) {
                        below = Math.min(below, Math.max(0, (o.y - (s.y + s.height)) / body));
                    }
                }
            }
            String text = texts.get(k).strip();
            int words = text.isEmpty() ? 0 : SPACES.split(text).length;
            int at = k * FEATURES;
            out[at] = (float) (s.height / body);
            out[at + 1] = (float) Math.log((double) Math.max(s.width, 1) / Math.max(s.height, 1));
            out[at + 2] = (float) ((double) s.x / imageWidth);
            out[at + 3] = (float) ((double) (s.x + s.width) / imageWidth);
            out[at + 4] = (float) ((double) s.y / imageHeight);
            out[at + 5] = (float) (Math.min(row, 5) / 5.0);
            out[at + 6] = (float) (above / MAX_GAP);
            out[at + 7] = (float) (below / MAX_GAP);
            out[at + 8] = (float) (Math.min(words, 12) / 12.0);
            out[at + 9] = text.endsWith(":") || text.endsWith("：") ? 1f : 0f;
        }
        return out;
    }

    /** The height of the running text: the median segment height, each segment weighted by its characters. */
    static double bodyHeight(List<Rectangle> boxes, List<String> texts) {
        if (boxes.isEmpty()) {
            return 16;
        }
        List<Integer> order = new ArrayList<>();
        long total = 0;
        for (int k = 0; k < boxes.size(); k++) {
            order.add(k);
            total += weight(texts.get(k));
        }
        order.sort(Comparator.comparingInt(k -> boxes.get(k).height));
        long seen = 0;
        for (int k : order) {
            seen += weight(texts.get(k));
            if (seen * 2 >= total) {
                return boxes.get(k).height;
            }
        }
        return 16;
    }

    private static int weight(String text) {
        String t = text.strip();
        return Math.max(1, t.codePointCount(0, t.length()));
    }

    private static boolean sameRow(Rectangle a, Rectangle b) {
        int top = Math.max(a.y, b.y);
        int bottom = Math.min(a.y + a.height, b.y + b.height);
        return bottom - top >= 0.5 * Math.min(a.height, b.height);
    }
}
