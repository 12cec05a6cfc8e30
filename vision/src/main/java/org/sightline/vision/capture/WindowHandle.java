package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.time.Instant;
import java.util.Objects;

/**
 * The window that was active when the user pressed the key, remembered so that it can be captured a moment
 * later when Sightline's own window may have come to the front. {@code bounds} are in the coordinates a click
 * needs and include the window frame. {@code nativeId} is the system's window id (an X11 window id such as
 * "0x1a00007"), null when no window could be found; then {@code bounds} cover the whole screen and
 * {@code fallbackReason} says why, as a translated sentence.
 */
public record WindowHandle(String nativeId, Rectangle bounds, String title, String fallbackReason,
                           Instant rememberedAt) {

    public WindowHandle {
        Objects.requireNonNull(bounds, "bounds");
        bounds = new Rectangle(bounds);
        title = title == null ? "" : title;
        rememberedAt = rememberedAt == null ? Instant.now() : rememberedAt;
    }

    /** True when no window was found and the handle stands for the whole screen. */
    public boolean isFallback() {
        return nativeId == null;
    }

    @Override
    public Rectangle bounds() {
        return new Rectangle(bounds);
    }
}
