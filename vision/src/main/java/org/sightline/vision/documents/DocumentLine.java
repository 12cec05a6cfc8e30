package org.sightline.vision.documents;

import java.awt.Rectangle;
import java.util.Objects;

/**
 * One line of a page in reading order. {@code box} is in the page's pixels (see {@link DocumentPage#dpi()});
 * {@code fontSize} is the text height in the same pixels (from the font for a text layer, from the line's box
 * for OCR) and {@code bold} says whether most of its characters are set in a bold face (never known for OCR).
 */
public record DocumentLine(String text, Rectangle box, double fontSize, boolean bold) {

    public DocumentLine {
        Objects.requireNonNull(text, "text");
        box = new Rectangle(Objects.requireNonNull(box, "box"));
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
