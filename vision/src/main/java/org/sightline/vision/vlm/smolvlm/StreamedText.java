package org.sightline.vision.vlm.smolvlm;

/**
 * Turns the decoded text of a growing answer into the pieces to stream. A byte-level tokenizer can end a
 * step in the middle of a multi-byte letter (Chinese, accents, emoji), which decodes to a trailing U+FFFD
 * replacement character; that character is held back until the rest of the letter arrives, so a listener
 * never hears or shows a broken letter, and the pieces put together are the whole answer. An answer cut off
 * inside a letter (by the length limit or a cancel) ends at its last whole letter.
 */
final class StreamedText {

    private static final char REPLACEMENT = '\uFFFD';

    private String emitted = "";

    /** The new piece of {@code decoded}, the decoding of every token so far; empty when nothing new is stable. */
    String next(String decoded) {
        return advance(wholeLetters(decoded));
    }

    /** What remains of {@code decoded}, the final decoding, once the answer is complete. */
    String finish(String decoded) {
        return advance(wholeLetters(decoded));
    }

    /** {@code decoded} without the replacement characters a letter cut off at its end decodes to. */
    static String wholeLetters(String decoded) {
        int end = decoded.length();
        while (end > 0 && decoded.charAt(end - 1) == REPLACEMENT) {
            end--;
        }
        return decoded.substring(0, end);
    }

    private String advance(String text) {
        if (text.startsWith(emitted) && text.length() > emitted.length()) {
            String piece = text.substring(emitted.length());
            emitted = text;
            return piece;
        }
        return "";
    }
}
