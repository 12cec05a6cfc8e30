package org.sightline.vision.ocr.ppocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Settles the case of letters whose capital is the small letter drawn taller (c, o, s, v, w, x, z): the
 * recogniser, reading one glyph at a time at a fixed height, often cannot tell them apart ("IoException",
 * "indexof", "startswith"). The letter's height can: a glyph whose top reaches the line's capitals is a capital,
 * one whose top stays at the small letters' height is small. Both heights are measured on the same line, from
 * letters whose case is not in doubt, so no font or size is assumed.
 */
final class LetterCase {

    /** Letters whose capital differs only in size. */
    static final String SAME_SHAPE = "cosvwxz";
    /** Small letters whose top is the x-height. */
    static final String SMALL = "aemnrugpqy";
    /** Small letters that sit on the baseline. */
    static final String ON_BASELINE = "aemnru";
    /** Capitals whose case is not in doubt; their top is the capital height. */
    private static final String CAPITALS = "ABDEFGHIKLMNPRTUY";
    /** Share of the capital-to-small gap, either side of its middle, where a glyph's height is in doubt. */
    private static final double DOUBT = 0.15;
    /**
     * Without capitals to compare with: capitals stand 1.3 to 1.5 times the x-height in common screen fonts, so
     * a glyph at least this many x-heights tall is a capital, and one at most {@link #SMALL_RATIO} is small.
     */
    private static final double CAPITAL_RATIO = 1.18;
    private static final double SMALL_RATIO = 1.08;
    /** Below this x-height in pixels a pixel of rounding changes the ratio too much to judge it. */
    private static final double MIN_X_HEIGHT = 8;
    /** Capitals must stand at least this share of the text height above the small letters to be told apart. */
    private static final double MIN_DIFFERENCE = 0.1;
    /** How many nearby letters of each kind give the heights. */
    private static final int NEAREST = 3;

    private LetterCase() {
    }

    /**
     * The letters with the case of each same-shape letter set by its height. {@code tops[i]} and
     * {@code bottoms[i]} are the first and last inked rows of letter {@code i}'s glyph (-1 when unknown); rows
     * grow downwards. A letter whose height is in doubt is left as read.
     */
    static char[] byHeight(char[] letters, int[] tops, int[] bottoms, int textHeight) {
        char[] out = letters.clone();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (tops[i] < 0 || SAME_SHAPE.indexOf(Character.toLowerCase(c)) < 0) {
                continue;
            }
            // The nearest references: a line may mix sizes (a key name in bold or in a smaller box).
            double smallTop = nearest(letters, tops, SMALL, i);
            if (Double.isNaN(smallTop)) {
                continue;
            }
            double capTop = nearest(letters, tops, CAPITALS, i);
            Boolean capital = null;
            if (!Double.isNaN(capTop)) {
                double gap = smallTop - capTop;
                if (gap >= Math.max(2, MIN_DIFFERENCE * textHeight)) {
                    double middle = (capTop + smallTop) / 2;
                    if (tops[i] <= middle - DOUBT * gap) {
                        capital = true;
                    } else if (tops[i] >= middle + DOUBT * gap) {
                        capital = false;
                    }
                }
            } else {
                // No capital near: ascenders stand above the capitals by a varying amount, so the glyph is
                // measured against the x-height instead, from the baseline of the small letters.
                double baseline = nearest(letters, bottoms, ON_BASELINE, i);
                double xHeight = baseline - smallTop;
                if (!Double.isNaN(baseline) && xHeight >= MIN_X_HEIGHT) {
                    double ratio = (baseline - tops[i]) / xHeight;
                    if (ratio >= CAPITAL_RATIO) {
                        capital = true;
                    } else if (ratio <= SMALL_RATIO) {
                        capital = false;
                    }
                }
            }
            if (capital != null) {
                out[i] = capital ? Character.toUpperCase(c) : Character.toLowerCase(c);
            }
        }
        return out;
    }

    /**
     * The characters of a line without a character grid, with the case of same-shape letters settled. A letter's
     * glyph is the piece of ink under its position when it stays within its slot, half way to the characters
     * either side; letters whose glyphs touch their neighbours are left as read. Vertical
     * bars read as letters are found on the same measures ({@link VerticalBars}).
     */
    static List<CtcDecoder.DecodedChar> byHeight(List<CtcDecoder.DecodedChar> chars, double pixelsPerStep,
                                                 LineInk ink) {
        List<LineInk.Blob> blobs = ink.blobs();
        int n = chars.size();
        double[] centres = new double[n];
        for (int i = 0; i < n; i++) {
            CtcDecoder.DecodedChar c = chars.get(i);
            centres[i] = ((c.firstStep() + c.lastStep()) / 2.0 + 0.5) * pixelsPerStep;
        }
        char[] letters = new char[n];
        int[] tops = new int[n];
        int[] bottoms = new int[n];
        for (int i = 0; i < n; i++) {
            String t = chars.get(i).text();
            letters[i] = t.length() == 1 ? t.charAt(0) : ' ';
            tops[i] = -1;
            bottoms[i] = -1;
            if (letters[i] == ' ') {
                continue;
            }
            LineInk.Blob only = null;
            int under = 0;
            for (LineInk.Blob b : blobs) {
                if (centres[i] >= b.left() - 1 && centres[i] <= b.right() + 1) {
                    only = b;
                    under++;
                }
            }
            if (under != 1) {
                continue;
            }
            // The glyph must stay within its own slot, half way to the characters either side (with half a time
            // step for the positions' coarseness): a piece reaching further holds a neighbour's glyph too, one
            // whose position the recogniser put just outside it.
            double slack = pixelsPerStep / 2;
            int before = i - 1;
            while (before >= 0 && chars.get(before).text().isBlank()) {
                before--;
            }
            int after = i + 1;
            while (after < n && chars.get(after).text().isBlank()) {
                after++;
            }
            if (before < 0 && after >= n) {
                continue;
            }
            double slotLeft = before >= 0 ? (centres[before] + centres[i]) / 2 - slack : Double.NaN;
            double slotRight = after < n ? (centres[i] + centres[after]) / 2 + slack : Double.NaN;
            if (before < 0) {
                slotLeft = 2 * centres[i] - slotRight;
            }
            if (after >= n) {
                slotRight = 2 * centres[i] - slotLeft;
            }
            if (only.left() < slotLeft || only.right() > slotRight) {
                continue;
            }
            tops[i] = only.top();
            bottoms[i] = only.bottom();
        }
        char[] cased = VerticalBars.find(byHeight(letters, tops, bottoms, ink.textHeight()), tops, bottoms);
        List<CtcDecoder.DecodedChar> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CtcDecoder.DecodedChar c = chars.get(i);
            out.add(cased[i] == letters[i] ? c
                    : new CtcDecoder.DecodedChar(String.valueOf(cased[i]), c.confidence(), c.firstStep(),
                            c.lastStep()));
        }
        return out;
    }

    /** The median of {@code values} over the (up to) three letters of {@code kind} nearest to letter {@code i}. */
    static double nearest(char[] letters, int[] values, String kind, int i) {
        int[] found = new int[NEAREST];
        int n = 0;
        for (int d = 1; n < NEAREST && (i - d >= 0 || i + d < letters.length); d++) {
            for (int j : new int[] {i - d, i + d}) {
                if (n < NEAREST && j >= 0 && j < letters.length && values[j] >= 0 && kind.indexOf(letters[j]) >= 0) {
                    found[n++] = values[j];
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        int[] sorted = Arrays.copyOf(found, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
