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
    WATCH("Ctrl+Alt+Shift+V");

    private final KeyChord defaultChord;

    GlobalHotkey(String chord) {
        this.defaultChord = KeyChord.parse(chord).orElseThrow();
    }

    public KeyChord defaultChord() {
        return defaultChord;
    }

    /** The key of this action's name in the app's message bundle. */
    public String messageKey() {
        return "hotkey." + name();
    }
}
