package org.sightline.vision.ocr;

import java.awt.Rectangle;
import java.util.List;
import java.util.Objects;

/**
 * One line of recognised text. {@code box} encloses the line in image pixel coordinates (see
 * {@link ScreenCoordinates} to turn it into screen coordinates); {@code confidence} is the mean of
 * {@code characterConfidences}, each between 0 and 1, one per character of {@code text}.
 */
public record TextLine(String text, Rectangle box, double confidence, List<Float> characterConfidences) {

    public TextLine {
        Objects.requireNonNull(text, "text");
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        characterConfidences = List.copyOf(characterConfidences);
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
