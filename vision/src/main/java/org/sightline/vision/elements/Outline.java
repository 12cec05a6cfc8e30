package org.sightline.vision.elements;

import java.awt.Rectangle;

/**
 * A closed outline found in the image: the border of a box (a button, a field, a card, a checkbox) or of a
 * circle (a radio button). {@code filled} says the inside differs from the outside, as on a filled button.
 */
record Outline(Rectangle box, boolean circle, boolean filled) {

    Outline {
        box = new Rectangle(box);
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
