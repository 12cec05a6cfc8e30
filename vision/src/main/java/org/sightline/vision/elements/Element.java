package org.sightline.vision.elements;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * One element of a capture. {@code box} is where it is on the screen (in the coordinates a click needs);
 * for an image that is not of the screen (a file) it equals {@code imageBox}, the box in image pixels.
 * {@code label} is the text a person would read on or beside it (empty for an unlabelled image);
 * {@code confidence} between 0 and 1 says how sure the type and label are. {@code headingLevel} is a heading's
 * level as a screen reader announces it (1, 2, or 3 for the third level and deeper, which the text role model
 * does not tell apart), and 0 where it is not known or the element is no heading. {@code link} marks a heading
 * whose text is also a link (a heading drawn in a table of contents' colours, a sidebar's section title that
 * opens its section): a screen reader says "heading level 3, link", and both H and K land on it. {@code state} is
 * what the pixels show of a disclosure's state (expanded, collapsed), {@link ElementState#NONE} otherwise.
 */
public record Element(ElementType type, String label, Rectangle box, Rectangle imageBox, double confidence,
                      int headingLevel, boolean link, ElementState state) {

    /** The deepest level told apart: level 3 stands for 3 and below. */
    public static final int DEEPEST_LEVEL = 3;

    public Element {
        Objects.requireNonNull(type, "type");
        if (headingLevel < 0 || headingLevel > DEEPEST_LEVEL || headingLevel > 0 && type != ElementType.HEADING) {
            throw new IllegalArgumentException("heading level " + headingLevel + " for a " + type);
        }
        if (link && type != ElementType.HEADING) {
            throw new IllegalArgumentException("only a heading is marked as also a link, not a " + type);
        }
        Objects.requireNonNull(state, "state");
        label = label == null ? "" : label.strip();
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        imageBox = new Rectangle(Objects.requireNonNull(imageBox, "imageBox"));
    }

    /** An element with no state to show. */
    public Element(ElementType type, String label, Rectangle box, Rectangle imageBox, double confidence,
                   int headingLevel, boolean link) {
        this(type, label, box, imageBox, confidence, headingLevel, link, ElementState.NONE);
    }

    /** An element that is not also a link (every element but a heading whose text is a link). */
    public Element(ElementType type, String label, Rectangle box, Rectangle imageBox, double confidence,
                   int headingLevel) {
        this(type, label, box, imageBox, confidence, headingLevel, false);
    }

    /** An element with no heading level (not a heading, or one whose level is not known). */
    public Element(ElementType type, String label, Rectangle box, Rectangle imageBox, double confidence) {
        this(type, label, box, imageBox, confidence, 0);
    }

    /** Whether this element counts as {@code kind}: its type, or a link for a heading that is also one. */
    public boolean is(ElementType kind) {
        return type == kind || link && kind == ElementType.LINK;
    }

    /** True where a click makes sense: the clickable types, and a heading that is also a link. */
    public boolean isClickable() {
        return type.isClickable() || link;
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
