package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LetterCaseTest {

    // Tops of glyphs on a 48-pixel line: capitals and ascenders start at row 10, small letters at row 17.
    private static int[] tops(String heights) {
        int[] t = new int[heights.length()];
        for (int i = 0; i < t.length; i++) {
            t[i] = switch (heights.charAt(i)) {
                case 'T' -> 10;
                case 's' -> 17;
                default -> -1;
            };
        }
        return t;
    }

    private static String fix(String letters, String heights) {
        return new String(LetterCase.byHeight(letters.toCharArray(), tops(heights), bottoms(heights.length()), 30));
    }

    /** Every glyph ends on the baseline, row 35. */
    private static int[] bottoms(int n) {
        int[] b = new int[n];
        java.util.Arrays.fill(b, 35);
        return b;
    }

    @Test
    void aTallSameShapeLetterIsACapitalAndAShortOneIsSmall() {
        assertThat(fix("IoException", "TTTsssssTss")).isEqualTo("IOException");
        assertThat(fix("indexof", "xsTssTx")).isEqualTo("indexOf");
        assertThat(fix("startswith", "sxssxsTxxT")).isEqualTo("startsWith");
        assertThat(fix("startswith", "sxssxssxxT")).isEqualTo("startswith");
        // A capital the model read where the glyph is small is made small too.
        assertThat(fix("Bus Stop", "Tssxssss")).isEqualTo("Bus stop");
    }

    @Test
    void eachLetterIsMeasuredAgainstTheLettersNearIt() {
        // A key name in a larger box amid body text: capitals at 10 and small letters at 15 there, 7 and 12 around.
        int[] tops = {7, 12, 12, 12, 12, -1, 10, 15, 15, 15, 15, 10, 13, 10, 8, -1, 7, 10, 13, 10, -1, 9, 12};
        char[] read = "Press Insert+shift+R to".toCharArray();
        assertThat(new String(LetterCase.byHeight(read, tops, bottoms(tops.length), 36)))
                .isEqualTo("Press Insert+Shift+R to");
    }

    @Test
    void withoutCapitalsNearTheGlyphIsMeasuredInXHeights() {
        // Ascenders (h at row 3) stand well above the capitals (row 9) here, as hinting often draws them.
        int[] tops = {9, 15, 15, 15, -1, 9, 3, 15};
        assertThat(new String(LetterCase.byHeight("open the".toCharArray(), tops, bottoms(8), 30)))
                .isEqualTo("Open the");
        tops[0] = 15;
        assertThat(new String(LetterCase.byHeight("Open the".toCharArray(), tops, bottoms(8), 30)))
                .isEqualTo("open the");
        // Half way between is in doubt: left as read.
        tops[0] = 12;
        assertThat(new String(LetterCase.byHeight("Open the".toCharArray(), tops, bottoms(8), 30)))
                .isEqualTo("Open the");
    }

    @Test
    void proportionalTextTakesEachGlyphFromItsOwnInk() {
        TextRecognizer.Reading r = MonospaceGridTest.misread(
                MonospaceGridTest.reading("Press Insert+Shift+C to take", "DejaVu Sans", null), 'S', 's');
        r = MonospaceGridTest.misread(r, 'C', 'c');
        List<CtcDecoder.DecodedChar> cased = LetterCase.byHeight(r.chars(), r.pixelsPerStep(), LineInk.of(r.input()));
        assertThat(cased.stream().map(CtcDecoder.DecodedChar::text).collect(Collectors.joining()))
                .isEqualTo("PressInsert+Shift+Ctotake");
        r = MonospaceGridTest.misread(
                MonospaceGridTest.reading("Sessions run on the first Sunday", "Liberation Serif", null), 'S', 's');
        cased = LetterCase.byHeight(r.chars(), r.pixelsPerStep(), LineInk.of(r.input()));
        assertThat(cased.stream().map(CtcDecoder.DecodedChar::text).collect(Collectors.joining()))
                .isEqualTo("SessionsrunonthefirstSunday");
    }

    @Test
    void withoutBothHeightsNothingChanges() {
        // All capitals: no small letter gives the x-height.
        assertThat(fix("SOS CODE", "TTTxTTTT")).isEqualTo("SOS CODE");
        // All small: no capital gives the cap height.
        assertThat(fix("cows", "ssss")).isEqualTo("cows");
    }
}
