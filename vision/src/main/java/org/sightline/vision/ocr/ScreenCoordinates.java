package org.sightline.vision.ocr;

import java.awt.Rectangle;
import org.sightline.vision.capture.Capture;

/**
 * Turns boxes found in a capture's image into screen coordinates, so a line can later be pointed at or
 * clicked. The image of a screen capture covers {@code screenBounds} at {@code scale} image pixels per
 * screen unit.
 */
public final class ScreenCoordinates {

    private ScreenCoordinates() {
    }

    /** {@code box} on the screen, or {@code null} when the capture is not of the screen (camera, file). */
    public static Rectangle toScreen(Rectangle box, Capture capture) {
        Rectangle screen = capture.screenBounds();
        if (screen == null) {
            return null;
        }
        double s = capture.scale();
        int x = screen.x + (int) Math.floor(box.x / s);
        int y = screen.y + (int) Math.floor(box.y / s);
        int right = screen.x + (int) Math.ceil((box.x + box.width) / s);
        int bottom = screen.y + (int) Math.ceil((box.y + box.height) / s);
        return new Rectangle(x, y, right - x, bottom - y);
    }
}
