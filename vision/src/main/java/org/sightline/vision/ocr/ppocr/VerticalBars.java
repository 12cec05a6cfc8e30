package org.sightline.vision.ocr.ppocr;

/**
 * Tells the vertical bar from the letters it looks like. The recogniser reads "|" as I, l or 1 ("||" came out
 * "Il"); but those stand on the baseline, while the bar, in screen fonts, reaches down below it like a
 * descender. The baseline is measured on the same line, from nearby small letters.
 */
final class VerticalBars {

    /** What the recogniser reads a vertical bar as. */
    static final String LOOK_ALIKES = "Il1";
    /** A glyph reaching this share of the x-height below the baseline descends. */
    private static final double DESCENT = 0.2;

    private VerticalBars() {
    }

    /**
     * The letters with each look-alike that descends below the baseline turned into "|". {@code tops[i]} and
     * {@code bottoms[i]} are the first and last inked rows of letter {@code i}'s glyph, -1 when unknown.
     */
    static char[] find(char[] letters, int[] tops, int[] bottoms) {
        char[] out = letters.clone();
        for (int i = 0; i < out.length; i++) {
            if (bottoms[i] < 0 || LOOK_ALIKES.indexOf(out[i]) < 0) {
                continue;
            }
            double baseline = LetterCase.nearest(letters, bottoms, LetterCase.ON_BASELINE, i);
            double smallTop = LetterCase.nearest(letters, tops, LetterCase.SMALL, i);
            double xHeight = baseline - smallTop;
            if (Double.isNaN(xHeight) || xHeight < 4) {
                continue;
            }
            if (bottoms[i] - baseline >= Math.max(2, DESCENT * xHeight)) {
                out[i] = '|';
            }
        }
        return out;
    }
}
