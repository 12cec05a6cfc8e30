package org.sightline.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.VisionLanguageProviders;

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
 * @param describeFast one look at the whole image instead of tiles: quicker descriptions on slow machines
 * @param remoteUrl    the OpenAI-compatible server that describes instead of the local model; empty (the
 *                     default) keeps every image on this computer
 * @param remoteModel  the model name on that server
 * @param remoteApiKey the key for that server, empty for none; kept only in this file, which only the user can
 *                     read, and never logged, spoken or shown ({@link #toString} hides it)
 * @param braille      also show what is spoken on a braille display served by BRLTTY (Linux). Off by default: a
 *                     user of Orca already gets braille from Orca, and a second BrlAPI client on the same terminal
 *                     would take the display from it; a braille reader without a screen reader turns it on
 * @param serveRequests also answer screen-reader add-ons and scripts from the desktop app, as
 *                     {@code sightline serve} does, with the models the app has loaded (one process, the models
 *                     loaded once). Off by default: nothing listens unless the user asks for it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Boolean selfVoicing, String language, Map<String, String> hotkeys, int speechRate,
                       String speechEngine, int regionSize, Boolean keepHistory, Boolean firstRunDone,
                       Boolean describeFast, String remoteUrl, String remoteModel, String remoteApiKey,
                       Boolean braille, Boolean serveRequests) {

    public static final String SYSTEM_LANGUAGE = "system";
    public static final int DEFAULT_RATE = 175;
    public static final int MIN_RATE = 80;
    public static final int MAX_RATE = 600;
    public static final int DEFAULT_REGION = 400;
    public static final int MIN_REGION = 100;
    public static final int MAX_REGION = 2000;
    /** The model name asked of a remote server when none is set. */
    public static final String DEFAULT_REMOTE_MODEL = "smolvlm";

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
        if (describeFast == null) {
            describeFast = false;
        }
        remoteUrl = remoteUrl == null ? "" : remoteUrl.strip();
        remoteModel = remoteModel == null || remoteModel.isBlank() ? DEFAULT_REMOTE_MODEL : remoteModel.strip();
        remoteApiKey = remoteApiKey == null ? "" : remoteApiKey.strip();
        if (braille == null) {
            braille = false;
        }
        if (serveRequests == null) {
            serveRequests = false;
        }
    }

    /** Settings as they were before the app could serve requests: it does not. */
    public Settings(Boolean selfVoicing, String language, Map<String, String> hotkeys, int speechRate,
                    String speechEngine, int regionSize, Boolean keepHistory, Boolean firstRunDone,
                    Boolean describeFast, String remoteUrl, String remoteModel, String remoteApiKey,
                    Boolean braille) {
        this(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, firstRunDone,
                describeFast, remoteUrl, remoteModel, remoteApiKey, braille, false);
    }

    /** Settings as they were before braille output existed: no braille. */
    public Settings(Boolean selfVoicing, String language, Map<String, String> hotkeys, int speechRate,
                    String speechEngine, int regionSize, Boolean keepHistory, Boolean firstRunDone,
                    Boolean describeFast, String remoteUrl, String remoteModel, String remoteApiKey) {
        this(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, firstRunDone,
                describeFast, remoteUrl, remoteModel, remoteApiKey, false);
    }

    /** Settings as they were before the description options existed: local and detailed descriptions. */
    public Settings(Boolean selfVoicing, String language, Map<String, String> hotkeys, int speechRate,
                    String speechEngine, int regionSize, Boolean keepHistory, Boolean firstRunDone) {
        this(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, firstRunDone,
                false, "", DEFAULT_REMOTE_MODEL, "");
    }

    /** Settings as they were before the first-run setup existed; the setup counts as not done. */
    public Settings(Boolean selfVoicing, String language, Map<String, String> hotkeys, int speechRate,
                    String speechEngine, int regionSize, Boolean keepHistory) {
        this(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, false);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, DEFAULT_RATE, "", DEFAULT_REGION, true, false, false, "",
                DEFAULT_REMOTE_MODEL, "", false, false);
    }

    /** Whether descriptions come from a server instead of the local model. */
    public boolean remoteDescriptions() {
        return !remoteUrl.isEmpty();
    }

    /**
     * Empty (descriptions stay on this computer), or an address the server provider accepts (an absolute http or
     * https address with a host); anything else would only fail later, at the first description, far from where
     * it was typed.
     */
    public static boolean validRemoteUrl(String url) {
        return url.isEmpty()
                || VisionLanguageProviders.standard().accepts(BackendChoice.remote(url, DEFAULT_REMOTE_MODEL, null));
    }

    /** As the record's own, but without the API key, so that no log or message can ever carry it. */
    @Override
    public String toString() {
        return "Settings[selfVoicing=" + selfVoicing + ", language=" + language + ", hotkeys=" + hotkeys
                + ", speechRate=" + speechRate + ", speechEngine=" + speechEngine + ", regionSize=" + regionSize
                + ", keepHistory=" + keepHistory + ", firstRunDone=" + firstRunDone + ", describeFast=" + describeFast
                + ", remoteUrl=" + remoteUrl + ", remoteModel=" + remoteModel + ", remoteApiKey="
                + (remoteApiKey.isEmpty() ? "" : "(set)") + ", braille=" + braille
                + ", serveRequests=" + serveRequests + "]";
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
        return new Settings(on, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, firstRunDone,
                describeFast, remoteUrl, remoteModel, remoteApiKey, braille, serveRequests);
    }

    public Settings withLanguage(String lang) {
        return new Settings(selfVoicing, lang, hotkeys, speechRate, speechEngine, regionSize, keepHistory,
                firstRunDone, describeFast, remoteUrl, remoteModel, remoteApiKey, braille, serveRequests);
    }

    public Settings withSpeechEngine(String engine) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, engine, regionSize, keepHistory,
                firstRunDone, describeFast, remoteUrl, remoteModel, remoteApiKey, braille, serveRequests);
    }

    public Settings withFirstRunDone(boolean done) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory, done,
                describeFast, remoteUrl, remoteModel, remoteApiKey, braille, serveRequests);
    }

    public Settings withDescribeFast(boolean fast) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory,
                firstRunDone, fast, remoteUrl, remoteModel, remoteApiKey, braille, serveRequests);
    }

    public Settings withBraille(boolean on) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory,
                firstRunDone, describeFast, remoteUrl, remoteModel, remoteApiKey, on, serveRequests);
    }

    /** Describes with {@code url} (empty: locally) using {@code model} and {@code apiKey} (empty: none). */
    public Settings withRemote(String url, String model, String apiKey) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory,
                firstRunDone, describeFast, url, model, apiKey, braille, serveRequests);
    }

    /** Also answers add-ons and scripts from the desktop app (see {@code serveRequests}). */
    public Settings withServeRequests(boolean on) {
        return new Settings(selfVoicing, language, hotkeys, speechRate, speechEngine, regionSize, keepHistory,
                firstRunDone, describeFast, remoteUrl, remoteModel, remoteApiKey, braille, on);
    }
}
