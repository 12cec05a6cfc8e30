package org.sightline.app.hotkeys;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key with its modifiers, written as people write it: {@code Ctrl+Alt+Shift+D}. The key is a letter, a
 * digit or F1-F24. Global chords need at least two modifiers, so that typing never triggers them by accident.
 */
public record KeyChord(boolean ctrl, boolean alt, boolean shift, boolean meta, String key) {

    private static final Pattern KEY = Pattern.compile("[A-Z0-9]|F([1-9]|1[0-9]|2[0-4])");

    public KeyChord {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a key: " + key);
        }
    }

    /** Parses {@code Ctrl+Alt+Shift+D} (any case, any order of modifiers); empty when it is not a chord. */
    public static Optional<KeyChord> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        boolean ctrl = false;
        boolean alt = false;
        boolean shift = false;
        boolean meta = false;
        String key = null;
        for (String part : text.trim().split("\\s*\\+\\s*")) {
            switch (part.toLowerCase(Locale.ROOT)) {
                case "ctrl", "control" -> ctrl = true;
                case "alt", "option" -> alt = true;
                case "shift" -> shift = true;
                case "meta", "win", "super", "cmd", "command" -> meta = true;
                default -> {
                    if (key != null) {
                        return Optional.empty();
                    }
                    key = part.toUpperCase(Locale.ROOT);
                }
            }
        }
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(new KeyChord(ctrl, alt, shift, meta, key));
    }

    public int modifierCount() {
        return (ctrl ? 1 : 0) + (alt ? 1 : 0) + (shift ? 1 : 0) + (meta ? 1 : 0);
    }

    /** Safe as a global chord: plain typing and the usual application shortcuts never produce it. */
    public boolean isSafeGlobally() {
        return modifierCount() >= 2 && (ctrl || alt || meta);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (ctrl) {
            sb.append("Ctrl+");
        }
        if (alt) {
            sb.append("Alt+");
        }
        if (shift) {
            sb.append("Shift+");
        }
        if (meta) {
            sb.append("Meta+");
        }
        return sb.append(key).toString();
    }
}
