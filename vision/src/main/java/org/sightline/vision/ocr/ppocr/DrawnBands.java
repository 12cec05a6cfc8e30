package org.sightline.vision.ocr.ppocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The horizontal bands of an image that need text detection. Screens are mostly runs of identical rows:
 * space between paragraphs, the empty end of a page beside a full-height sidebar, the inside of panels. Text
 * never draws the same row many times over, so a long run of rows that each repeat the one above holds no text
 * and is left out; photos, whose rows always differ a little, keep one band covering everything.
 */
final class DrawnBands {

    /** Per-channel difference still counted as the same pixel (compression noise, dithered gradients). */
    private static final int SAME = 2;

    private DrawnBands() {
    }

    /**
     * Row ranges {@code [top, bottom)}, top to bottom, that together cover every row not inside a run of at least
     * {@code minRun} repeated rows; each band reaches {@code margin} rows into the runs around it (context for the
     * detector) and bands that would touch are joined.
     */
    static List<int[]> of(BufferedImage img, int minRun, int margin) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean[] repeats = new boolean[h];
        int[] previous = new int[w];
        int[] row = new int[w];
        img.getRGB(0, 0, w, 1, previous, 0, w);
        for (int y = 1; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            repeats[y] = same(row, previous);
            int[] t = previous;
            previous = row;
            row = t;
        }
        List<int[]> bands = new ArrayList<>();
        // A lone first row is never text by itself: start at the first row that differs from the one above.
        int y = h > 1 ? firstDistinct(repeats, 1) : 0;
        while (y < h) {
            // Row y differs from the row above (or is the first): a band starts here and runs to the next long run.
            int runStart = nextLongRun(repeats, y, minRun);
            if (runStart > y) {
                int top = Math.max(0, y - margin);
                int bottom = Math.min(h, runStart + margin);
                if (!bands.isEmpty() && bands.get(bands.size() - 1)[1] >= top) {
                    bands.get(bands.size() - 1)[1] = bottom;
                } else {
                    bands.add(new int[] {top, bottom});
                }
            }
            y = Math.max(y + 1, firstDistinct(repeats, runStart));
        }
        return bands;
    }

    /** The first row at or after {@code from} that starts a run of at least {@code minRun} repeated rows, or h. */
    private static int nextLongRun(boolean[] repeats, int from, int minRun) {
        int h = repeats.length;
        int run = 0;
        for (int y = from; y < h; y++) {
            run = repeats[y] ? run + 1 : 0;
            if (run >= minRun) {
                // The run's first repeated row still shows what the row above drew.
                return Math.max(from, y - run + 1);
            }
        }
        return h;
    }

    /** The first row at or after {@code from} that differs from the row above, or h. */
    private static int firstDistinct(boolean[] repeats, int from) {
        int y = from;
        while (y < repeats.length && repeats[y]) {
            y++;
        }
        return y;
    }

    private static boolean same(int[] a, int[] b) {
        for (int x = 0; x < a.length; x++) {
            int p = a[x];
            int q = b[x];
            if (p != q && (Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) > SAME
                    || Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff)) > SAME
                    || Math.abs((p & 0xff) - (q & 0xff)) > SAME)) {
                return false;
            }
        }
        return true;
    }
}
