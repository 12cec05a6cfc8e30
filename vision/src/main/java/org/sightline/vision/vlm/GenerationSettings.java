package org.sightline.vision.vlm;

/**
 * How answers are generated. Greedy decoding (temperature 0) is the default because it is repeatable
 * and small models invent less with it. {@code noRepeatNgram} can stop the loops small models fall into, but
 * it is off by default: the reference generation has no such ban, and with it a list or a table whose rows
 * share three tokens cannot be read back as written.
 *
 * @param maxNewTokens  the most tokens one answer may have
 * @param temperature   0 for greedy decoding, otherwise the sampling temperature
 * @param topP          nucleus sampling threshold (1 keeps every token); ignored when greedy
 * @param seed          seed of the sampler, so a sampled answer can be reproduced
 * @param noRepeatNgram an n-gram of this many tokens may appear at most once in an answer (0: off)
 */
public record GenerationSettings(int maxNewTokens, double temperature, double topP, long seed, int noRepeatNgram) {

    public GenerationSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be positive");
        }
        if (temperature < 0 || topP <= 0 || topP > 1 || noRepeatNgram < 0) {
            throw new IllegalArgumentException("bad sampling settings");
        }
    }

    public static GenerationSettings defaults() {
        return new GenerationSettings(256, 0, 1, 0, 0);
    }

    public GenerationSettings withMaxNewTokens(int n) {
        return new GenerationSettings(n, temperature, topP, seed, noRepeatNgram);
    }

    public GenerationSettings withSampling(double newTemperature, double newTopP, long newSeed) {
        return new GenerationSettings(maxNewTokens, newTemperature, newTopP, newSeed, noRepeatNgram);
    }

    /** These settings with an n-gram of {@code n} tokens allowed at most once per answer (0: no ban). */
    public GenerationSettings withNoRepeatNgram(int n) {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, n);
    }

    public boolean greedy() {
        return temperature == 0;
    }
}
