package org.sightline.vision.elements;

import java.awt.Rectangle;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.ocr.ScreenCoordinates;

/**
 * An element one of the finders has found, in image pixels, before the map orders it; {@code link} and
 * {@code state} as in {@link Element}.
 */
record Found(ElementType type, String label, Rectangle box, double confidence, int headingLevel, boolean link,
             ElementState state) {

    Found {
        box = new Rectangle(box);
    }

    Found(ElementType type, String label, Rectangle box, double confidence, int headingLevel, boolean link) {
        this(type, label, box, confidence, headingLevel, link, ElementState.NONE);
    }

    Found(ElementType type, String label, Rectangle box, double confidence, int headingLevel) {
        this(type, label, box, confidence, headingLevel, false);
    }

    Found(ElementType type, String label, Rectangle box, double confidence) {
        this(type, label, box, confidence, 0);
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }

    Element toElement(Capture capture) {
        Rectangle screen = ScreenCoordinates.toScreen(box, capture);
        double c = Math.max(0, Math.min(1, confidence));
        return new Element(type, label, screen == null ? box : screen, box, Math.round(c * 100) / 100.0,
                headingLevel, link, state);
    }
}
