package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/**
 * One captured image with where it came from. {@code screenBounds} is where the image lies on the screen in
 * the coordinates a click needs (null for camera and file images); {@code scale} is image pixels per screen
 * coordinate unit (2.0 on a HiDPI screen at 200 percent). {@code description} names what was captured for
 * the transcript ("window Firefox", "photo.png").
 */
public record Capture(BufferedImage image, CaptureSource source, Rectangle screenBounds, double scale,
                      String description, Instant takenAt) {

    public Capture {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(source, "source");
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    public static Capture ofImage(BufferedImage image, CaptureSource source, String description) {
        return new Capture(image, source, null, 1.0, description, Instant.now());
    }
}
