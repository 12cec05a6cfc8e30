package org.sightline.vision.vlm.smolvlm;

import org.sightline.vision.vlm.Detail;

/**
 * How many views a look takes: the longest edge the image is resized to before tiling. A full look at a
 * full-HD screen is 13 views; each costs one vision-encoder run and 64 prompt positions, which on a
 * laptop-class CPU is seconds per view. An adaptive look takes the most detail that still brings the first
 * words within {@link #FIRST_WORDS_SECONDS}, judged by what the views cost on this machine so far.
 */
final class ViewChoice {

    /** The wait for the first words an adaptive look aims at. */
    static final double FIRST_WORDS_SECONDS = 3.0;
    /** The question's own positions and the first decoding step, on top of the views. */
    private static final double BEFORE_FIRST_WORD_SECONDS = 0.5;
    /**
     * One view's cost before anything was measured, on one core: a full look with the 256M and 500M int8 graphs
     * took 2.3-2.5 s per view on two busy cores (docs/benchmarks.md), so about 5 core-seconds.
     */
    private static final double CORE_SECONDS_PER_VIEW = 5.0;
    private static final double GPU_SECONDS_PER_VIEW = 0.1;

    private ViewChoice() {
    }

    /** The longest edge for a look at a {@code width x height} image with this much detail. */
    static int longestEdge(Detail detail, int width, int height, ImagePreprocessor preprocessor, SmolVlmConfig config,
                           double secondsPerView) {
        int tile = config.tileSize();
        switch (detail) {
            case FAST:
                return tile;
            case FULL:
                return config.longestEdge();
            default:
                for (int edge = config.longestEdge(); edge > tile; edge -= tile) {
                    int views = preprocessor.plan(width, height, edge).imageCount();
                    if (views * secondsPerView + BEFORE_FIRST_WORD_SECONDS <= FIRST_WORDS_SECONDS) {
                        return edge;
                    }
                }
                return tile;
        }
    }

    /**
     * What one view costs here: measured (vision-encoder time per view plus the prompt time of its tokens)
     * once the backend has looked at something, estimated from the processors or a GPU before.
     */
    static double secondsPerView(RunnerStats stats, int tokensPerView, int cores, boolean gpu) {
        if (stats.visionCalls() > 0 && stats.prefillTokens() > 0) {
            double vision = stats.visionNanos() / 1e9 / stats.visionCalls();
            double prompt = stats.prefillNanos() / 1e9 / stats.prefillTokens() * tokensPerView;
            return vision + prompt;
        }
        return gpu ? GPU_SECONDS_PER_VIEW : CORE_SECONDS_PER_VIEW / Math.max(1, cores);
    }
}
