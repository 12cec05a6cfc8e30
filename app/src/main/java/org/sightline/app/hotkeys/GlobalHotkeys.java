package org.sightline.app.hotkeys;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the whole keyboard through JNativeHook and reports bound chords. It only listens: events are never
 * consumed and the focus never moves, so the user stays in their browser while Sightline answers. Where the
 * native hook cannot start (no X server, Wayland, missing natives) it says so once in the log and the app
 * carries on with the keys in its own window.
 */
public final class GlobalHotkeys implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GlobalHotkeys.class.getName());

    private volatile HotkeyBindings bindings;
    private final Consumer<GlobalHotkey> onHotkey;
    private NativeKeyListener listener;

    /**
     * @param onHotkey called on JNativeHook's thread at key-press time; it should remember what it needs
     *                 (the active window) at once and hand the rest to the user-interface thread
     */
    public GlobalHotkeys(HotkeyBindings bindings, Consumer<GlobalHotkey> onHotkey) {
        this.bindings = bindings;
        this.onHotkey = onHotkey;
    }

    public void rebind(HotkeyBindings newBindings) {
        this.bindings = newBindings;
    }

    /** Starts listening; false (and one log line) when system-wide keys are not available here. */
    public synchronized boolean start() {
        if (listener != null) {
            return true;
        }
        Optional<String> unsupported = unsupportedReason();
        if (unsupported.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "Global hotkeys are off: " + unsupported.get()
                    + "; the keys in the Sightline window still work.");
            return false;
        }
        quietenLibraryLogging();
        unpackNativeLibraryIntoUserCache();
        try {
            GlobalScreen.registerNativeHook();
        } catch (NativeHookException | UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "Global hotkeys are off: the system keyboard hook could not start ("
                    + e.getMessage() + "); the keys in the Sightline window still work.");
            return false;
        }
        listener = new NativeKeyListener() {
            @Override
            public void nativeKeyPressed(NativeKeyEvent event) {
                chordOf(event).flatMap(c -> bindings.match(c)).ifPresent(onHotkey);
            }
        };
        GlobalScreen.addNativeKeyListener(listener);
        return true;
    }

    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        GlobalScreen.removeNativeKeyListener(listener);
        listener = null;
        try {
            GlobalScreen.unregisterNativeHook();
        } catch (NativeHookException | UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Unregistering the keyboard hook failed: " + e.getMessage());
        }
    }

    /** Why a hook cannot work in this session, before trying (trying on Wayland only fails late and noisily). */
    static Optional<String> unsupportedReason() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            String display = System.getenv("DISPLAY");
            if (display == null || display.isBlank()) {
                return Optional.of(System.getenv("WAYLAND_DISPLAY") != null
                        ? "Wayland does not let programs watch the whole keyboard" : "there is no X display");
            }
        }
        return Optional.empty();
    }

    /** JNativeHook logs every key at INFO to the console by default; Sightline wants only its warnings. */
    static void quietenLibraryLogging() {
        Logger logger = Logger.getLogger(GlobalScreen.class.getPackage().getName());
        logger.setLevel(Level.WARNING);
        logger.setUseParentHandlers(false);
    }

    static Optional<KeyChord> chordOf(NativeKeyEvent event) {
        String key = keyName(event.getKeyCode());
        if (key == null) {
            return Optional.empty();
        }
        int m = event.getModifiers();
        return Optional.of(new KeyChord((m & NativeInputEvent.CTRL_MASK) != 0, (m & NativeInputEvent.ALT_MASK) != 0,
                (m & NativeInputEvent.SHIFT_MASK) != 0, (m & NativeInputEvent.META_MASK) != 0, key));
    }

    /** JNativeHook virtual key codes of the keys chords may use, looked up once. */
    private static final java.util.Map<Integer, String> KEY_NAMES = keyNames();

    /** The chord key name of a JNativeHook virtual key code, or null for keys chords do not use. */
    static String keyName(int code) {
        return KEY_NAMES.get(code);
    }

    private static java.util.Map<Integer, String> keyNames() {
        java.util.Map<Integer, String> names = new java.util.HashMap<>();
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            keys.add(String.valueOf(c));
        }
        for (char c = '0'; c <= '9'; c++) {
            keys.add(String.valueOf(c));
        }
        for (int f = 1; f <= 24; f++) {
            keys.add("F" + f);
        }
        for (String key : keys) {
            try {
                names.put(NativeKeyEvent.class.getField("VC_" + key).getInt(null), key);
            } catch (ReflectiveOperationException e) {
                // Not every key exists on every version of the library; that key simply cannot be bound.
            }
        }
        return java.util.Map.copyOf(names);
    }

    /**
     * JNativeHook unpacks its native library next to its own jar unless told where. In an installed Sightline
     * that folder belongs to root: users cannot write there (so the hook would never start), and a run as
     * root would leave a file behind that the package manager does not know. The user's cache is used instead.
     */
    private static void unpackNativeLibraryIntoUserCache() {
        if (System.getProperty("jnativehook.lib.path") != null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home");
        java.nio.file.Path cache;
        if (os.startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            cache = (local != null && !local.isBlank() ? java.nio.file.Path.of(local)
                    : java.nio.file.Path.of(home, "AppData", "Local")).resolve("Sightline").resolve("cache");
        } else if (os.startsWith("mac")) {
            cache = java.nio.file.Path.of(home, "Library", "Caches", "Sightline");
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            cache = (xdg != null && !xdg.isBlank() && java.nio.file.Path.of(xdg).isAbsolute()
                    ? java.nio.file.Path.of(xdg) : java.nio.file.Path.of(home, ".cache")).resolve("sightline");
        }
        java.nio.file.Path dir = cache.resolve("native");
        try {
            java.nio.file.Files.createDirectories(dir);
            System.setProperty("jnativehook.lib.path", dir.toString());
        } catch (java.io.IOException | SecurityException e) {
            LOG.log(System.Logger.Level.INFO, "Cannot use " + dir + " for the keyboard hook's library: "
                    + e.getMessage());
        }
    }
}
