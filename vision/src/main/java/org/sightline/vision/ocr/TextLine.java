package org.sightline.vision.ocr;

import java.awt.Rectangle;
import java.util.List;
import java.util.Objects;

/**
 * One line of recognised text. {@code box} encloses the line in image pixel coordinates (see
 * {@link ScreenCoordinates} to turn it into screen coordinates); {@code confidence} is the mean of
 * {@code characterConfidences}, each between 0 and 1, one per character of {@code text}. A line joined from
 * text boxes that stood apart on one row (the cells of a table row) keeps them as {@code pieces}, each a line of
 * its own, so that a document reader can still find the table's columns; a line of one box has none.
 */
public record TextLine(String text, Rectangle box, double confidence, List<Float> characterConfidences,
                       List<TextLine> pieces) {

    public TextLine {
        Objects.requireNonNull(text, "text");
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        characterConfidences = List.copyOf(characterConfidences);
        pieces = List.copyOf(pieces);
    }

    /** A line read from one box. */
    public TextLine(String text, Rectangle box, double confidence, List<Float> characterConfidences) {
        this(text, box, confidence, characterConfidences, List.of());
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
