package org.sightline.vision.elements;

import java.awt.Rectangle;

/**
 * A run of text on one OCR line that stands apart from the rest of the line (a menu item, a link between
 * wide gaps), with the look of its ink: colour, stroke width relative to its height, underline.
 */
final class TextSegment {

    final String text;
    /** Ink extent horizontally, the OCR line's extent vertically, in image pixels. */
    final Rectangle box;
    final double confidence;
    final int line;

    int background;
    int ink;
    double strokeRatio;
    boolean underlined;
    boolean consumed;
    /** Cut out of a word where its ink changes colour (a linked name from the brackets after it): never a
     * heading, which does not share a word with marks of another colour. */
    boolean partOfWord;
    /** One item of a row in brackets, its box laid out by its share of the letters: not cut again inside. */
    boolean bracketItem;
    /** One letter of an index's row of letters, each standing apart: a link to its part of the index. */
    boolean indexLetter;

    TextSegment(String text, Rectangle box, double confidence, int line) {
        this.text = text.strip();
        this.box = new Rectangle(box);
        this.confidence = confidence;
        this.line = line;
    }

    double centerX() {
        return box.getCenterX();
    }

    double centerY() {
        return box.getCenterY();
    }

    int words() {
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    /** True when the two share a row: their vertical extents overlap by at least half the smaller one. */
    boolean sameRow(TextSegment other) {
        int top = Math.max(box.y, other.box.y);
        int bottom = Math.min(box.y + box.height, other.box.y + other.box.height);
        return bottom - top >= 0.5 * Math.min(box.height, other.box.height);
    }

    @Override
    public String toString() {
        return "'" + text + "' " + box;
    }
}
