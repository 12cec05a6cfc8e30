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
     * Decodes one sequence from each step's best class and its probability, starting at {@code offset} in both
     * arrays, only the first {@code usedSteps} of its {@code steps} (the rest are padding).
     */
    List<DecodedChar> decode(long[] bestClass, float[] bestScore, int offset, int steps, int usedSteps) {
        List<DecodedChar> out = new ArrayList<>();
        int previous = -1;
        int limit = Math.min(steps, usedSteps);
        for (int t = 0; t < limit; t++) {
            int best = (int) bestClass[offset + t];
            float bestP = bestScore[offset + t];
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
