package org.sightline.app.hotkeys;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.app.AppText;

/** Which chord triggers which global action; checked for clashes and unsafe chords before use. */
public final class HotkeyBindings {

    private final Map<GlobalHotkey, KeyChord> chords;

    private HotkeyBindings(Map<GlobalHotkey, KeyChord> chords) {
        this.chords = chords;
    }

    /**
     * Builds bindings from the settings' texts. Returns the problems found (translated, one per bad entry);
     * a bad entry keeps its default chord so every action stays reachable.
     */
    public static HotkeyBindings from(Map<String, String> texts, List<String> problems) {
        Map<GlobalHotkey, KeyChord> chords = new EnumMap<>(GlobalHotkey.class);
        for (GlobalHotkey h : GlobalHotkey.values()) {
            String text = texts.get(h.name());
            if (text == null) {
                text = h.defaultChord().toString();
            }
            Optional<KeyChord> chord = KeyChord.parse(text);
            String name = AppText.get(h.messageKey());
            if (chord.isEmpty()) {
                problems.add(AppText.get("hotkeys.notAChord", text, name));
            } else if (!chord.get().isSafeGlobally()) {
                problems.add(AppText.get("hotkeys.unsafe", text, name));
            } else if (chords.containsValue(chord.get())) {
                problems.add(AppText.get("hotkeys.clash", text, name));
            } else {
                chords.put(h, chord.get());
                continue;
            }
            chords.put(h, h.defaultChord());
        }
        return new HotkeyBindings(chords);
    }

    public static HotkeyBindings defaults() {
        return from(Map.of(), new ArrayList<>());
    }

    public KeyChord chord(GlobalHotkey hotkey) {
        return chords.get(hotkey);
    }

    /** The action bound to {@code pressed}, if any. */
    public Optional<GlobalHotkey> match(KeyChord pressed) {
        return chords.entrySet().stream().filter(e -> e.getValue().equals(pressed)).map(Map.Entry::getKey)
                .findFirst();
    }
}
