package org.sightline.vision.vlm;

/** Receives an answer's text piece by piece, in order, on the thread that asked. */
@FunctionalInterface
public interface TokenListener {

    /** The next piece of the answer (a word, part of a word, punctuation). */
    void onText(String piece);

    /**
     * A sentence about the conversation itself, to say before the answer (for example that it has grown too
     * long and the oldest questions were left out). Ignored unless the listener cares.
     */
    default void onNotice(String sentence) {
    }

    TokenListener IGNORE = piece -> { };
}
