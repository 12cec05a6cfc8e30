package org.sightline.app.hotkeys;

/**
 * The actions reachable from any program. The defaults use Ctrl+Alt+Shift, which NVDA, JAWS, VoiceOver and
 * Orca leave alone (they use Insert/CapsLock, Ctrl+Alt on its own, or Ctrl+Option).
 */
public enum GlobalHotkey {
    DESCRIBE_SCREEN("Ctrl+Alt+Shift+D"),
    DESCRIBE_WINDOW("Ctrl+Alt+Shift+W"),
    READ_TEXT("Ctrl+Alt+Shift+T"),
    CAMERA("Ctrl+Alt+Shift+C"),
    STOP("Ctrl+Alt+Shift+S"),
    SHOW_WINDOW("Ctrl+Alt+Shift+L"),
    /** From Sightline's own window: the window the user came from. */
    WATCH("Ctrl+Alt+Shift+V"),
    /** P for pointer: the square that Ctrl+Shift+R describes, fixed where the pointer is at the key press. */
    WATCH_POINTER("Ctrl+Alt+Shift+P"),
    /** G as in the document mode's "go to" prompt: a small dialog asks for the rectangle. */
    WATCH_REGION("Ctrl+Alt+Shift+G"),
    /** M for moving picture: C is the camera snapshot. */
    WATCH_CAMERA("Ctrl+Alt+Shift+M");

    private final KeyChord defaultChord;

    GlobalHotkey(String chord) {
        this.defaultChord = KeyChord.parse(chord).orElseThrow();
    }

    public KeyChord defaultChord() {
        return defaultChord;
    }

    /** The keys that start or stop a live watch; any of them switches from a watch of another kind. */
    public boolean watches() {
        return this == WATCH || this == WATCH_POINTER || this == WATCH_REGION || this == WATCH_CAMERA;
    }

    /** The key of this action's name in the app's message bundle. */
    public String messageKey() {
        return "hotkey." + name();
    }
}
