package org.sightline.app.assistant;

/** Until the capture module can name the active window, nothing is remembered and capture uses the current one. */
public final class NotBuiltActiveWindowTracker implements ActiveWindowTracker {
    @Override
    public WindowRef activeWindow() {
        return WindowRef.UNKNOWN;
    }
}
