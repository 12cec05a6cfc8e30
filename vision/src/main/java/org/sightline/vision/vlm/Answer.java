package org.sightline.vision.vlm;

/** A finished answer: its text, why generation stopped, and how many tokens it took. */
public record Answer(String text, FinishReason finishReason, int tokenCount) {

    /** Why the model stopped writing. */
    public enum FinishReason {
        /** The model said it was done (end of utterance). */
        END_OF_ANSWER,
        /** The answer reached the most tokens allowed. */
        LENGTH_LIMIT
    }
}
