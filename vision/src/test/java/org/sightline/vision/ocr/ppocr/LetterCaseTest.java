package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new String(LetterCase.byHeight(letters.toCharArray(), tops(heights), 30));
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
    void withoutBothHeightsNothingChanges() {
        // All capitals: no small letter gives the x-height.
        assertThat(fix("SOS CODE", "TTTxTTTT")).isEqualTo("SOS CODE");
        // All small: no capital gives the cap height.
        assertThat(fix("cows", "ssss")).isEqualTo("cows");
    }
}
