package org.sightline.vision.ocr.ppocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding: the best class at each time step, repeats collapsed, blanks dropped. Each character
 * keeps its confidence (the best probability over the steps it spans) and the time steps where it starts and
 * ends, so spaces can later be checked against the image.
 */
final class CtcDecoder {

    /** One decoded character: its text, confidence 0-1 and the first and last time step it covers. */
    record DecodedChar(String text, float confidence, int firstStep, int lastStep) {
    }

    private final CharacterSet characters;

    CtcDecoder(CharacterSet characters) {
        this.characters = characters;
    }

    /**
     * Decodes one sequence from {@code probs}, laid out as {@code [steps][classes]} starting at
     * {@code offset}, only the first {@code usedSteps} steps (the rest are padding).
     */
    List<DecodedChar> decode(float[] probs, int offset, int steps, int classes, int usedSteps) {
        List<DecodedChar> out = new ArrayList<>();
        int previous = -1;
        int limit = Math.min(steps, usedSteps);
        for (int t = 0; t < limit; t++) {
            int base = offset + t * classes;
            int best = 0;
            float bestP = probs[base];
            for (int c = 1; c < classes; c++) {
                float p = probs[base + c];
                if (p > bestP) {
                    bestP = p;
                    best = c;
                }
            }
            if (best == previous && !out.isEmpty() && !CharacterSet.isBlank(best)) {
                DecodedChar last = out.get(out.size() - 1);
                out.set(out.size() - 1, new DecodedChar(last.text(), Math.max(last.confidence(), bestP),
                        last.firstStep(), t));
            } else if (!CharacterSet.isBlank(best) && best < characters.size()) {
                out.add(new DecodedChar(characters.symbol(best), bestP, t, t));
            }
            previous = best;
        }
        return out;
    }
}
