package org.sightline.app.assistant;

/**
 * A window remembered at the moment a key was pressed, so that "describe the active window" looks at the
 * window the user was in, not at whatever has the focus when the work starts. {@code nativeId} is the
 * platform's window id (an X11 window id, an HWND); {@code title} is for the transcript.
 */
public record WindowRef(long nativeId, String title) {

    /** Nothing was remembered: the capture should use whatever window is active now. */
    public static final WindowRef UNKNOWN = new WindowRef(0, "");

    public boolean isKnown() {
        return nativeId != 0;
    }
}
