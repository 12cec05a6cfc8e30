package org.sightline.vision.ocr.ppocr;

import java.util.regex.Pattern;

/**
 * A list bullet read as a dot. At the recogniser's 48 pixels a printed bullet (•) looks like a middle dot or a
 * full stop, and it reads "· The schroot package" or ". The piuparts package". A dot alone before the first
 * word of a line is no punctuation (a full stop never starts a line of text, and a middle dot separates words
 * only between them), so it is taken for the bullet the page shows. One character for one.
 */
final class ListBullets {

    /** A line that starts with a lone middle dot or full stop, then a space and a letter or digit. */
    private static final Pattern DOT_BULLET = Pattern.compile("^[\u00b7.](?= [\\p{L}\\p{N}])");

    private ListBullets() {
    }

    static String repair(String line) {
        return DOT_BULLET.matcher(line).replaceFirst("\u2022");
    }

    /** The first box of a line {@link #repair} changed: the bullet alone, or the bullet and the first words. */
    static String repairFirstPiece(String piece) {
        return piece.length() == 1 ? "\u2022" : repair(piece);
    }
}
