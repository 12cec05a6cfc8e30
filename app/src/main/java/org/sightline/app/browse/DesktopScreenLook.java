package org.sightline.app.browse;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.ocr.OcrListener;
import org.sightline.vision.read.TextReader;

/**
 * Looks at the real screen: a grab of the whole desktop in screen coordinates (scaled back when the display
 * scales), and the app's shared text reader for the text.
 */
public final class DesktopScreenLook implements ScreenLook {

    private final TextReader reader;

    /** @param reader the app's shared text reader (its engine is loaded on first use; reads are serialised) */
    public DesktopScreenLook(TextReader reader) {
        this.reader = reader;
    }

    @Override
    public BufferedImage grabScreen() {
        Capture capture = Captures.screen();
        Rectangle bounds = capture.screenBounds();
        BufferedImage screen = new BufferedImage(bounds.x + bounds.width, bounds.y + bounds.height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = screen.createGraphics();
        try {
            g.drawImage(capture.image(), bounds.x, bounds.y, bounds.width, bounds.height, null);
        } finally {
            g.dispose();
        }
        return screen;
    }

    @Override
    public String read(BufferedImage image) {
        try {
            return reader.read(image, OcrListener.NONE, TaskContext.none()).text().strip();
        } catch (SightlineException blankOrUnreadable) {
            return "";
        }
    }
}
