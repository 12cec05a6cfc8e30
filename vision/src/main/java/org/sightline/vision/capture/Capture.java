package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/**
 * One captured image with where it came from. {@code screenBounds} is where the image lies on the screen in
 * the coordinates a click needs (null for camera and file images); {@code scale} is image pixels per screen
 * coordinate unit (2.0 on a HiDPI screen at 200 percent). {@code description} names what was captured for
 * the transcript ("window Firefox", "photo.png"). {@code notice} is a translated sentence the user should
 * hear with the result, or null: for example that the whole screen was captured because the active window
 * could not be found on this system.
 */
public record Capture(BufferedImage image, CaptureSource source, Rectangle screenBounds, double scale,
                      String description, Instant takenAt, String notice) {

    public Capture {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(source, "source");
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** A capture with nothing to tell the user besides the image. */
    public Capture(BufferedImage image, CaptureSource source, Rectangle screenBounds, double scale,
                   String description, Instant takenAt) {
        this(image, source, screenBounds, scale, description, takenAt, null);
    }

    public static Capture ofImage(BufferedImage image, CaptureSource source, String description) {
        return new Capture(image, source, null, 1.0, description, Instant.now(), null);
    }

    /** The same capture with {@code text} as its notice. */
    public Capture withNotice(String text) {
        return new Capture(image, source, screenBounds, scale, description, takenAt, text);
    }

    public boolean hasNotice() {
        return notice != null && !notice.isBlank();
    }

    /**
     * Where the image pixel ({@code x}, {@code y}) lies on the screen, in click coordinates; only for captures
     * with screen bounds.
     */
    public java.awt.Point toScreen(int x, int y) {
        if (screenBounds == null) {
            throw new IllegalStateException("this capture does not come from the screen");
        }
        return new java.awt.Point(screenBounds.x + (int) Math.floor(x / scale),
                screenBounds.y + (int) Math.floor(y / scale));
    }
}
