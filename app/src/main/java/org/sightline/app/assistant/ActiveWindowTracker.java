package org.sightline.app.assistant;

import java.util.Optional;
import org.sightline.vision.capture.WindowHandle;

/**
 * Remembers which window is active. Called on the hotkey thread at key-press time, so it must be quick
 * (well under 50 ms) and must never move the focus.
 */
@FunctionalInterface
public interface ActiveWindowTracker {

    /** The window active right now, or {@link WindowRef#UNKNOWN} when the platform cannot tell. */
    WindowRef activeWindow();

    /**
     * Brings {@code window} to the front with the keyboard before Sightline clicks or types in it, and answers
     * whether it is in front afterwards. Called off the JavaFX thread. Where the platform cannot bring windows
     * forward or cannot tell, it answers true and the action goes ahead as before.
     */
    default boolean bringToFront(WindowRef window) {
        return true;
    }

    /**
     * The window behind {@code window} as capture knows it (its id, bounds and title), for a live watch that
     * follows it; empty when it was not remembered here or the platform cannot capture windows.
     */
    default Optional<WindowHandle> handle(WindowRef window) {
        return Optional.empty();
    }
}
