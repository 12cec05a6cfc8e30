package org.sightline.app.browse;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.ocr.OcrEngine;

/**
 * Looks at the real screen: a grab of the whole desktop in screen coordinates (scaled back when the display
 * scales), and the shared OCR engine for the text.
 */
public final class DesktopScreenLook implements ScreenLook {

    private final Function<TaskContext, OcrEngine> ocr;

    /** @param ocr the app's OCR engine, loaded on first use (it is shared: reads are serialised on it) */
    public DesktopScreenLook(Function<TaskContext, OcrEngine> ocr) {
        this.ocr = ocr;
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
            OcrEngine engine = ocr.apply(TaskContext.none());
            synchronized (engine) {
                return engine.read(image, TaskContext.none()).text().strip();
            }
        } catch (SightlineException blankOrUnreadable) {
            return "";
        }
    }
}
