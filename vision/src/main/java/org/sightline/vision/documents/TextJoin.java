package org.sightline.vision.documents;

import org.sightline.vision.ocr.Scripts;

/** Joins pieces of text that stood apart on a page (words of a line, lines of a paragraph) for reading. */
final class TextJoin {

    private TextJoin() {
    }

    /**
     * Appends {@code next} to {@code out}: with a space between Latin words, with nothing between Chinese
     * characters, and over a hyphen that broke a word at a line end.
     */
    static void append(StringBuilder out, String next) {
        String piece = next.strip();
        if (piece.isEmpty()) {
            return;
        }
        if (out.length() == 0) {
            out.append(piece);
            return;
        }
        char last = out.charAt(out.length() - 1);
        char first = piece.charAt(0);
        if (last == '-' && out.length() > 1 && Character.isLowerCase(out.charAt(out.length() - 2))
                && Character.isLowerCase(first)) {
            out.setLength(out.length() - 1);
        } else if (!(Scripts.writtenWithoutSpaces(last) && Scripts.writtenWithoutSpaces(first))) {
            out.append(' ');
        }
        out.append(piece);
    }
}
