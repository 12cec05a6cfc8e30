package org.sightline.app.assistant;

/**
 * Remembers which window is active. Called on the hotkey thread at key-press time, so it must be quick
 * (well under 50 ms) and must never move the focus.
 */
@FunctionalInterface
public interface ActiveWindowTracker {

    /** The window active right now, or {@link WindowRef#UNKNOWN} when the platform cannot tell. */
    WindowRef activeWindow();
}
