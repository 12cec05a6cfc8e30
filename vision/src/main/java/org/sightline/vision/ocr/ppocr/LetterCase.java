package org.sightline.vision.ocr.ppocr;

import java.util.Arrays;

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
    private static final String SMALL = "aemnrugpqy";
    /** Capitals whose case is not in doubt; their top is the capital height. */
    private static final String CAPITALS = "ABDEFGHKLMNPRTUY";
    /** Small letters that reach the ascender height, which in many fonts is a little above the capitals'. */
    private static final String ASCENDERS = "bdhk";
    /** Capitals must stand at least this share of the text height above the small letters to be told apart. */
    private static final double MIN_DIFFERENCE = 0.1;

    private LetterCase() {
    }

    /**
     * The letters with the case of each same-shape letter set by its height. {@code tops[i]} is the first inked
     * row of letter {@code i}'s glyph (-1 when unknown); rows grow downwards.
     */
    static char[] byHeight(char[] letters, int[] tops, int textHeight) {
        double capTop = medianTop(letters, tops, CAPITALS);
        if (Double.isNaN(capTop)) {
            capTop = medianTop(letters, tops, ASCENDERS);
        }
        double smallTop = medianTop(letters, tops, SMALL);
        char[] out = letters.clone();
        if (Double.isNaN(capTop) || Double.isNaN(smallTop)
                || smallTop - capTop < Math.max(2, MIN_DIFFERENCE * textHeight)) {
            return out;
        }
        double middle = (capTop + smallTop) / 2;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (tops[i] < 0 || SAME_SHAPE.indexOf(Character.toLowerCase(c)) < 0) {
                continue;
            }
            out[i] = tops[i] <= middle ? Character.toUpperCase(c) : Character.toLowerCase(c);
        }
        return out;
    }

    private static double medianTop(char[] letters, int[] tops, String kind) {
        int[] found = new int[letters.length];
        int n = 0;
        for (int i = 0; i < letters.length; i++) {
            if (tops[i] >= 0 && kind.indexOf(letters[i]) >= 0) {
                found[n++] = tops[i];
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
