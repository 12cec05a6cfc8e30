package org.sightline.vision.elements;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;

/** The element map of a screenshot kept as a test resource, read by the real OCR as a user's capture is. */
final class FixtureMaps {

    private FixtureMaps() {
    }

    /** Graphics on {@code img} painted white, its text antialiased, for a page a test draws. */
    static Graphics2D whitePage(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    /** The map of the PNG at {@code resource} (relative to this package, or absolute with a leading slash). */
    static ElementMap map(RealOcr ocr, String resource) throws IOException {
        BufferedImage image;
        try (InputStream in = FixtureMaps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            image = ImageIO.read(in);
        }
        return ElementFinder.analyse(Capture.ofImage(image, CaptureSource.FILE, resource),
                ocr.engine().read(image, TaskContext.none()), TaskContext.none());
    }
}
