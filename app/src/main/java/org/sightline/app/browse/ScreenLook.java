package org.sightline.app.browse;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * How Sightline looks at the screen again after acting on it: a grab of the whole screen (screen coordinates
 * from its top left corner) and the text in a picture. The app's own is {@link DesktopScreenLook}; tests can use
 * one that draws what the screen would show.
 */
public interface ScreenLook {

    /** The whole screen now. */
    BufferedImage grabScreen();

    /** The text in {@code image}, lines in reading order separated by newlines; empty when there is none. */
    String read(BufferedImage image);

    /** The screen's bounds, for clipping. */
    default Rectangle bounds(BufferedImage screen) {
        return new Rectangle(0, 0, screen.getWidth(), screen.getHeight());
    }
}
