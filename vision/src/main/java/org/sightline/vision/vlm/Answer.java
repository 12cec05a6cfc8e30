package org.sightline.vision.vlm;

/**
 * A finished answer: its text, why generation stopped, how many tokens it took, and whether a closer look at
 * the image is available (the model looked with fewer views than it can; said once, with the first answer).
 */
public record Answer(String text, FinishReason finishReason, int tokenCount, boolean closerLookAvailable) {

    /** An answer after which no closer look is offered. */
    public Answer(String text, FinishReason finishReason, int tokenCount) {
        this(text, finishReason, tokenCount, false);
    }

    /** Why the model stopped writing. */
    public enum FinishReason {
        /** The model said it was done (end of utterance). */
        END_OF_ANSWER,
        /** The answer reached the most tokens allowed. */
        LENGTH_LIMIT
    }
}
