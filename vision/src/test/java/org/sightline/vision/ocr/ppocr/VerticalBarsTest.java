package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerticalBarsTest {

    @Test
    void aLookAlikeReachingBelowTheBaselineIsABar() {
        // Small letters from row 14 to the baseline at 30; the bar from 7 to 37, a capital I from 9 to 30.
        char[] read = "a Il n Ia".toCharArray();
        int[] tops = {14, -1, 7, 7, -1, 14, -1, 9, 14};
        int[] bottoms = {30, -1, 37, 37, -1, 30, -1, 30, 30};
        assertThat(new String(VerticalBars.find(read, tops, bottoms))).isEqualTo("a || n Ia");
    }

    @Test
    void withoutSmallLettersToGiveTheBaselineNothingChanges() {
        char[] read = "Il".toCharArray();
        assertThat(new String(VerticalBars.find(read, new int[] {7, 7}, new int[] {37, 37}))).isEqualTo("Il");
    }

    @Test
    void aRenderedBarInCodeIsReadAsABarAndLettersStay() {
        TextRecognizer.Reading r = MonospaceGridTest.reading("if (empty || isAll(list1)) {", "DejaVu Sans Mono", null);
        List<CtcDecoder.DecodedChar> chars = new ArrayList<>();
        boolean first = true;
        for (CtcDecoder.DecodedChar c : r.chars()) {
            if (c.text().equals("|")) {
                // As the model read it: "Il".
                c = new CtcDecoder.DecodedChar(first ? "I" : "l", c.confidence(), c.firstStep(), c.lastStep());
                first = false;
            }
            chars.add(c);
        }
        r = new TextRecognizer.Reading(chars, r.spaceProbability(), r.pixelsPerStep(), r.input());
        assertThat(new SpaceRestorer().restore(r).text()).isEqualTo("if (empty || isAll(list1)) {");
    }

    @Test
    void anUnderlinedLetterIsNoBar() {
        TextRecognizer.Reading r = MonospaceGridTest.reading("int x = l + 1;", "DejaVu Sans Mono", null);
        // Underline the lone "l" (a spelling mark, a link), a little below the baseline and within its cell.
        CtcDecoder.DecodedChar l = r.chars().stream().filter(c -> c.text().equals("l")).findFirst().orElseThrow();
        int centre = (int) ((l.firstStep() + 0.5) * r.pixelsPerStep());
        java.awt.image.BufferedImage input = r.input();
        int baseline = LineInk.of(input).bottom(0, input.getWidth() / 4);
        java.awt.Graphics2D g = input.createGraphics();
        g.setColor(new java.awt.Color(0xd4, 0xd4, 0xd4));
        g.fillRect(centre - 5, baseline + 4, 10, 2);
        g.dispose();
        assertThat(LineInk.of(input).bottom(centre - 5, centre + 5)).isGreaterThan(baseline + 3);
        assertThat(SpaceRestorer.gridOf(r)).isNotNull();
        assertThat(new SpaceRestorer().restore(r).text()).isEqualTo("int x = l + 1;");
    }
}
