package org.sightline.vision.vlm;

/** Receives an answer's text piece by piece, in order, on the thread that asked. */
@FunctionalInterface
public interface TokenListener {

    /** The next piece of the answer (a word, part of a word, punctuation). */
    void onText(String piece);

    TokenListener IGNORE = piece -> { };
}
