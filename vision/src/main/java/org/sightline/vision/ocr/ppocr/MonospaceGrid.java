package org.sightline.vision.ocr.ppocr;

/**
 * The character cells of a line set in a monospaced font (code, terminals, logs). Every character there
 * takes the same advance, so the ink of the line falls into equal cells with clear columns at their borders,
 * and a cell with no ink is a space. The gap widths that tell words apart in proportional text do not work in
 * code: narrow punctuation leaves wide gaps ("exists(file)") and spaces beside it look no wider ("line :").
 *
 * <p>A grid is accepted only when it explains the whole line: the columns at the borders between inked cells
 * are clear (almost) everywhere, and the line has exactly as many inked cells as the recogniser read
 * characters. Proportional text almost never passes both tests over more than a few characters.
 */
final class MonospaceGrid {

    /** Fewest characters a line needs before its spacing can show a grid. */
    static final int MIN_CHARACTERS = 5;
    /** Share of the borders between two inked cells that must fall in clear columns. */
    static final double MIN_CLEAR_BORDERS = 0.9;
    /** Pitch search step in pixels; over 130 cells the drift stays below a pixel. */
    private static final double PITCH_STEP = 0.02;
    private static final double ORIGIN_STEP = 0.5;

    private final double pitch;
    private final double origin;
    private final int[] inkedCells;

    private MonospaceGrid(double pitch, double origin, int[] inkedCells) {
        this.pitch = pitch;
        this.origin = origin;
        this.inkedCells = inkedCells;
    }

    /** Width of one cell in pixels of the line image. */
    double pitch() {
        return pitch;
    }

    /** The left edge of the first cell. */
    double origin() {
        return origin;
    }

    /** The indexes of the cells that hold ink, in order; there are as many as characters read. */
    int[] inkedCells() {
        return inkedCells.clone();
    }

    /** Centre of cell {@code k} in pixels. */
    double centre(int k) {
        return origin + (k + 0.5) * pitch;
    }

    /**
     * The grid of a line whose inked columns are {@code ink}, given the number of characters read in it
     * (spaces not counted), or null when the line does not look monospaced. Pitches are tried between
     * {@code minPitch} and {@code maxPitch} pixels.
     */
    static MonospaceGrid fit(boolean[] ink, int characters, double minPitch, double maxPitch) {
        if (characters < MIN_CHARACTERS) {
            return null;
        }
        int left = 0;
        while (left < ink.length && !ink[left]) {
            left++;
        }
        int right = ink.length - 1;
        while (right >= 0 && !ink[right]) {
            right--;
        }
        if (right - left < characters) {
            return null;
        }
        int extent = right - left + 1;
        int[] prefix = new int[ink.length + 1];
        for (int x = 0; x < ink.length; x++) {
            prefix[x + 1] = prefix[x] + (ink[x] ? 1 : 0);
        }
        int[] clearance = clearance(ink);
        // The characters need at least as many cells as there are of them; a line that is mostly spaces is no grid.
        double hi = Math.min(maxPitch, (double) extent / (characters - 1));
        double lo = Math.max(minPitch, (double) extent / (3.0 * characters));
        double bestScore = -1;
        double bestMargin = -1;
        double bestPitch = 0;
        double bestOrigin = 0;
        double[] margin = new double[1];
        for (double p = lo; p <= hi; p += PITCH_STEP) {
            for (double o = left - p + ORIGIN_STEP; o <= left; o += ORIGIN_STEP) {
                double score = clearBorders(clearance, prefix, p, o, right, characters, margin);
                // Where letters leave wide gaps many grids fit; the one with its borders furthest from the ink
                // is the font's own.
                if (score > bestScore || score == bestScore && margin[0] > bestMargin) {
                    bestScore = score;
                    bestMargin = margin[0];
                    bestPitch = p;
                    bestOrigin = o;
                }
            }
        }
        if (bestScore < MIN_CLEAR_BORDERS) {
            return null;
        }
        return new MonospaceGrid(bestPitch, bestOrigin, inked(prefix, bestPitch, bestOrigin, right));
    }

    /**
     * The share of borders between two inked cells that lie in clear columns, or -1 when the number of inked
     * cells differs from {@code characters}; {@code margin[0]} gets the mean distance of those borders from ink.
     */
    private static double clearBorders(int[] clearance, int[] prefix, double pitch, double origin, int right,
                                       int characters, double[] margin) {
        margin[0] = 0;
        int cells = (int) Math.ceil((right + 1 - origin) / pitch);
        if (cells < characters) {
            return -1;
        }
        int inkedCount = 0;
        int between = 0;
        int clear = 0;
        // There are at most characters - 1 borders between inked cells: past this many unclear ones the grid can
        // no longer reach MIN_CLEAR_BORDERS, and most wrong grids are given up after a few cells.
        double unclearAllowed = (1 - MIN_CLEAR_BORDERS) * (characters - 1);
        boolean previousInked = false;
        for (int k = 0; k < cells; k++) {
            boolean inked = hasInk(prefix, origin + k * pitch, origin + (k + 1) * pitch);
            if (inked) {
                inkedCount++;
                if (inkedCount > characters) {
                    return -1;
                }
                if (previousInked) {
                    between++;
                    int border = (int) Math.round(origin + k * pitch - 0.5);
                    if (border >= 0 && border < clearance.length && clearance[border] > 0) {
                        clear++;
                        margin[0] += Math.min(clearance[border], pitch / 2);
                    } else if (between - clear > unclearAllowed + 1e-9) {
                        return -1;
                    }
                }
            }
            previousInked = inked;
        }
        if (inkedCount != characters) {
            return -1;
        }
        if (between == 0) {
            return 1.0;
        }
        margin[0] /= between;
        return (double) clear / between;
    }

    /** For each column, how many columns away the nearest ink is (0 on ink). */
    private static int[] clearance(boolean[] ink) {
        int n = ink.length;
        int[] d = new int[n];
        int far = n + 1;
        int last = -far;
        for (int x = 0; x < n; x++) {
            if (ink[x]) {
                last = x;
            }
            d[x] = x - last;
        }
        last = n + far;
        for (int x = n - 1; x >= 0; x--) {
            if (ink[x]) {
                last = x;
            }
            d[x] = Math.min(d[x], last - x);
        }
        return d;
    }

    private static int[] inked(int[] prefix, double pitch, double origin, int right) {
        int cells = (int) Math.ceil((right + 1 - origin) / pitch);
        int n = 0;
        int[] out = new int[cells];
        for (int k = 0; k < cells; k++) {
            if (hasInk(prefix, origin + k * pitch, origin + (k + 1) * pitch)) {
                out[n++] = k;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether any column whose centre lies inside [from, to) holds ink; {@code prefix} counts inked columns. */
    private static boolean hasInk(int[] prefix, double from, double to) {
        int n = prefix.length - 1;
        int a = Math.max(0, Math.min(n, (int) Math.ceil(from - 0.5)));
        int b = Math.max(a, Math.min(n, (int) Math.ceil(to - 0.5)));
        return prefix[b] > prefix[a];
    }
}
