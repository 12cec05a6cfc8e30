package org.sightline.vision.elements;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * One element of a capture. {@code box} is where it is on the screen (in the coordinates a click needs);
 * for an image that is not of the screen (a file) it equals {@code imageBox}, the box in image pixels.
 * {@code label} is the text a person would read on or beside it (empty for an unlabelled image);
 * {@code confidence} between 0 and 1 says how sure the type and label are.
 */
public record Element(ElementType type, String label, Rectangle box, Rectangle imageBox, double confidence) {

    public Element {
        Objects.requireNonNull(type, "type");
        label = label == null ? "" : label.strip();
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        imageBox = new Rectangle(Objects.requireNonNull(imageBox, "imageBox"));
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }

    @Override
    public Rectangle imageBox() {
        return new Rectangle(imageBox);
    }

    /** The point a click on this element goes to: the centre of its screen box. */
    public Point clickPoint() {
        return new Point(box.x + box.width / 2, box.y + box.height / 2);
    }
}
