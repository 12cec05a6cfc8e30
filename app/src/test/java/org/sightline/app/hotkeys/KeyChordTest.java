package org.sightline.app.hotkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyChordTest {

    @ParameterizedTest
    @CsvSource({"Ctrl+Alt+Shift+D, Ctrl+Alt+Shift+D", "shift+alt+ctrl+d, Ctrl+Alt+Shift+D",
            "Control + Option + F5, Ctrl+Alt+F5", "Super+Shift+7, Shift+Meta+7"})
    void parsesWhatPeopleWriteAndWritesItOneWay(String typed, String canonical) {
        assertThat(KeyChord.parse(typed)).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ctrl+Alt", "Ctrl+Alt+DD", "Ctrl+A+B", "Ctrl+Alt+Ä", "Ctrl+Alt+F25", "Hyper+X"})
    void rejectsWhatIsNotAChord(String typed) {
        assertThat(KeyChord.parse(typed)).isEmpty();
    }

    @Test
    void defaultsAreSafeDistinctAndUseCtrlAltShift() {
        Set<KeyChord> seen = new java.util.HashSet<>();
        for (GlobalHotkey h : GlobalHotkey.values()) {
            KeyChord c = h.defaultChord();
            assertThat(c.isSafeGlobally()).isTrue();
            assertThat(c.ctrl() && c.alt() && c.shift() && !c.meta()).as(h.name()).isTrue();
            assertThat(seen.add(c)).as("distinct " + c).isTrue();
        }
        assertThat(KeyChord.parse("Shift+D").orElseThrow().isSafeGlobally()).isFalse();
        assertThat(KeyChord.parse("Alt+D").orElseThrow().isSafeGlobally()).isFalse();
    }

    @Test
    void badBindingsKeepTheirDefaultsSoEveryActionStaysReachable() {
        List<String> problems = new ArrayList<>();
        HotkeyBindings b = HotkeyBindings.from(Map.of("STOP", "Ctrl+Alt+Shift+D", "CAMERA", "Ctrl+Alt+Shift+K"),
                problems);
        assertThat(problems).hasSize(1);
        assertThat(b.chord(GlobalHotkey.STOP)).isEqualTo(GlobalHotkey.STOP.defaultChord());
        assertThat(b.match(KeyChord.parse("Ctrl+Alt+Shift+K").orElseThrow())).contains(GlobalHotkey.CAMERA);
        assertThat(b.match(KeyChord.parse("Ctrl+Alt+Shift+C").orElseThrow())).isEmpty();
    }

    @Test
    void nativeKeyEventsBecomeChords() {
        int mods = NativeInputEvent.CTRL_L_MASK | NativeInputEvent.ALT_R_MASK | NativeInputEvent.SHIFT_L_MASK;
        NativeKeyEvent e = new NativeKeyEvent(NativeKeyEvent.NATIVE_KEY_PRESSED, mods, 0, NativeKeyEvent.VC_W,
                NativeKeyEvent.CHAR_UNDEFINED);
        assertThat(GlobalHotkeys.chordOf(e)).contains(GlobalHotkey.DESCRIBE_WINDOW.defaultChord());
        NativeKeyEvent f5 = new NativeKeyEvent(NativeKeyEvent.NATIVE_KEY_PRESSED, NativeInputEvent.META_L_MASK, 0,
                NativeKeyEvent.VC_F5, NativeKeyEvent.CHAR_UNDEFINED);
        assertThat(GlobalHotkeys.chordOf(f5)).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("Meta+F5"));
        NativeKeyEvent shiftAlone = new NativeKeyEvent(NativeKeyEvent.NATIVE_KEY_PRESSED, NativeInputEvent.SHIFT_MASK,
                0, NativeKeyEvent.VC_SHIFT, NativeKeyEvent.CHAR_UNDEFINED);
        assertThat(GlobalHotkeys.chordOf(shiftAlone)).isEmpty();
        assertThat(EnumSet.allOf(GlobalHotkey.class)).allSatisfy(h ->
                assertThat(GlobalHotkeys.keyName(virtual(h.defaultChord().key()))).isEqualTo(h.defaultChord().key()));
    }

    private static int virtual(String key) {
        try {
            return NativeKeyEvent.class.getField("VC_" + key).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
