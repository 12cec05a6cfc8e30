package org.sightline.vision.vlm.smolvlm;

import java.util.List;
import java.util.Random;
import org.sightline.vision.vlm.GenerationSettings;

/**
 * Picks the next token from the logits: greedy by default, or temperature and top-p sampling from a
 * seeded generator. Before choosing, tokens that would repeat an n-gram already in the answer are
 * excluded, the guard against the loops small models fall into.
 */
final class TokenChooser {

    private final GenerationSettings settings;
    private final Random random;

    TokenChooser(GenerationSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /** Chooses from {@code logits} (changed in place) given the tokens of the answer so far. */
    int choose(float[] logits, List<Long> answer) {
        banRepeats(logits, answer);
        if (settings.greedy()) {
            return argmax(logits);
        }
        return sample(logits);
    }

    private void banRepeats(float[] logits, List<Long> answer) {
        int n = settings.noRepeatNgram();
        int size = answer.size();
        if (n == 0 || size < n - 1) {
            return;
        }
        // For every earlier occurrence of the last n-1 tokens, the token that followed it is banned.
        for (int start = 0; start + n - 1 < size; start++) {
            boolean same = true;
            for (int k = 0; k < n - 1 && same; k++) {
                same = answer.get(start + k).equals(answer.get(size - (n - 1) + k));
            }
            if (same) {
                long banned = answer.get(start + n - 1);
                if (banned >= 0 && banned < logits.length) {
                    logits[(int) banned] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The smallest set of most likely tokens whose probability reaches top-p, most likely first. Only
     * tokens above a small cut-off are sorted, which holds the nucleus in practice; the full sort is the
     * fallback for very flat distributions.
     */
    private int[] nucleus(double[] p, double total) {
        for (double cutoff : new double[] {1e-4, 0}) {
            List<Integer> candidates = new java.util.ArrayList<>();
            double mass = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] > 0 && p[i] >= cutoff) {
                    candidates.add(i);
                    mass += p[i];
                }
            }
            if (mass / total < settings.topP() && cutoff > 0) {
                continue;
            }
            candidates.sort((a, b) -> Double.compare(p[b], p[a]));
            double cum = 0;
            int keep = 0;
            while (keep < candidates.size()) {
                cum += p[candidates.get(keep)] / total;
                keep++;
                if (cum >= settings.topP()) {
                    break;
                }
            }
            return candidates.subList(0, keep).stream().mapToInt(Integer::intValue).toArray();
        }
        throw new IllegalStateException("unreachable");
    }

    private int sample(float[] logits) {
        double t = settings.temperature();
        int max = argmax(logits);
        double top = logits[max];
        double[] p = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Float.isInfinite(logits[i]) ? 0 : Math.exp((logits[i] - top) / t);
            total += p[i];
        }
        int[] order = null;
        int keep = logits.length;
        if (settings.topP() < 1) {
            order = nucleus(p, total);
            keep = order.length;
            total = 0;
            for (int id : order) {
                total += p[id];
            }
        }
        double r = random.nextDouble() * total;
        for (int k = 0; k < keep; k++) {
            int id = order == null ? k : order[k];
            r -= p[id];
            if (r <= 0) {
                return id;
            }
        }
        return order == null ? max : order[0];
    }
}
