package org.sightline.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sightline.app.hotkeys.GlobalHotkey;

/**
 * Everything the user can set, stored as JSON. Missing or out-of-range values fall back to the defaults so
 * that a settings file from an older or newer version still loads.
 *
 * @param selfVoicing  speak focus changes and control names (JavaFX exposes nothing to Orca on Linux)
 * @param language     "system", "en" or "zh-CN"
 * @param hotkeys      global hotkey name to key chord text, e.g. {@code DESCRIBE_SCREEN -> Ctrl+Alt+Shift+D}
 * @param speechRate   words per minute asked of the speech engine
 * @param speechEngine the engine's name, empty for the best available one
 * @param regionSize   side of the square around the pointer, in screen pixels
 * @param keepHistory  keep the transcript between runs
 * @param firstRunDone whether the first-run setup has been finished or left; a file from before the setup
 *                     existed has no such field and so gets the setup once
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Boolean selfVoicing, String language, Map<String, String> hotkeys, int speechRate,
                       String speechEngine, int regionSize, Boolean keepHistory, Boolean firstRunDone) {

    public static final String SYSTEM_LANGUAGE = "system";
    public static final int DEFAULT_RATE = 175;
    public static final int MIN_RATE = 80;
    public static final int MAX_RATE = 600;
    public static final int DEFAULT_REGION = 400;
    public static final int MIN_REGION = 100;
    public static final int MAX_REGION = 2000;

    public Settings {
        if (selfVoicing == null) {
            selfVoicing = selfVoicingByDefault();
        }
        if (language == null || !(language.equals(SYSTEM_LANGUAGE) || language.equals("en")
                || language.equals("zh-CN"))) {
            language = SYSTEM_LANGUAGE;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (GlobalHotkey h : GlobalHotkey.values()) {
            String chosen = hotkeys == null ? null : hotkeys.get(h.name());
            keys.put(h.name(), chosen == null ? h.defaultChord().toString() : chosen);
        }
        hotkeys = Map.copyOf(keys);
        if (speechRate < MIN_RATE || speechRate > MAX_RATE) {
            speechRate = DEFAULT_RATE;
        }
        if (speechEngine == null) {
            speechEngine = "";
        }
        if (regionSize < MIN_REGION || regionSize > MAX_REGION) {
            regionSize = DEFAULT_REGION;
        }
        if (keepHistory == null) {
            keepHistory = true;
        }
        if (firstRunDone == null) {
            firstRunDone = false;
        }
    }

    /** Settings as they were before the first-run setup existed; the setup counts as not done. */
    public Settings(Boolean selfVoicing, String language, Map<String, String> hotkeys, int speechRate,
                    String speechEngine, int regionSize, Boolean keepHistory) {
        this(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, false);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, DEFAULT_RATE, "", DEFAULT_REGION, true, false);
    }

    /** On Linux nothing reads a JavaFX window aloud, so Sightline speaks for itself unless told not to. */
    public static boolean selfVoicingByDefault() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** The locale the interface should use. */
    public Locale locale(Locale system) {
        return switch (language) {
            case "en" -> Locale.ENGLISH;
            case "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
            default -> system;
        };
    }

    public String hotkey(GlobalHotkey hotkey) {
        return hotkeys.get(hotkey.name());
    }

    public Settings withSelfVoicing(boolean on) {
        return new Settings(on, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, firstRunDone);
    }

    public Settings withLanguage(String lang) {
        return new Settings(selfVoicing, lang, hotkeys, speechRate, speechEngine, regionSize, keepHistory,
                firstRunDone);
    }

    public Settings withSpeechEngine(String engine) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, engine, regionSize, keepHistory,
                firstRunDone);
    }

    public Settings withFirstRunDone(boolean done) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, done);
    }
}
