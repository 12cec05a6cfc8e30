package org.sightline.app.settings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sightline.app.AppText;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.app.hotkeys.HotkeyBindings;

/**
 * The settings screen's state: one property per field, checked before anything is saved so that a mistyped
 * hotkey is reported instead of silently dropped. Runs without a JavaFX toolkit.
 */
public final class SettingsViewModel {

    /** The languages offered: the system's, English, Simplified Chinese. */
    public static final List<String> LANGUAGES = List.of(Settings.SYSTEM_LANGUAGE, "en", "zh-CN");

    private final BooleanProperty selfVoicing = new SimpleBooleanProperty();
    private final StringProperty language = new SimpleStringProperty();
    private final Map<GlobalHotkey, StringProperty> hotkeys = new EnumMap<>(GlobalHotkey.class);
    private final IntegerProperty speechRate = new SimpleIntegerProperty();
    private final StringProperty speechEngine = new SimpleStringProperty();
    private final IntegerProperty regionSize = new SimpleIntegerProperty();
    private final BooleanProperty keepHistory = new SimpleBooleanProperty();
    private final BooleanProperty describeFast = new SimpleBooleanProperty();
    private final BooleanProperty braille = new SimpleBooleanProperty();
    private final BooleanProperty serveRequests = new SimpleBooleanProperty();
    private final StringProperty remoteUrl = new SimpleStringProperty();
    private final StringProperty remoteModel = new SimpleStringProperty();
    private final StringProperty remoteApiKey = new SimpleStringProperty();
    /** Not on the screen, but kept: saving the settings must not bring the first-run setup back. */
    private final boolean firstRunDone;

    public SettingsViewModel(Settings from) {
        selfVoicing.set(from.selfVoicing());
        language.set(from.language());
        for (GlobalHotkey h : GlobalHotkey.values()) {
            hotkeys.put(h, new SimpleStringProperty(from.hotkey(h)));
        }
        speechRate.set(from.speechRate());
        speechEngine.set(from.speechEngine());
        regionSize.set(from.regionSize());
        keepHistory.set(from.keepHistory());
        describeFast.set(from.describeFast());
        braille.set(from.braille());
        serveRequests.set(from.serveRequests());
        remoteUrl.set(from.remoteUrl());
        remoteModel.set(from.remoteModel());
        remoteApiKey.set(from.remoteApiKey());
        firstRunDone = from.firstRunDone();
    }

    public BooleanProperty selfVoicingProperty() {
        return selfVoicing;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty hotkeyProperty(GlobalHotkey hotkey) {
        return hotkeys.get(hotkey);
    }

    public IntegerProperty speechRateProperty() {
        return speechRate;
    }

    public StringProperty speechEngineProperty() {
        return speechEngine;
    }

    public IntegerProperty regionSizeProperty() {
        return regionSize;
    }

    public BooleanProperty keepHistoryProperty() {
        return keepHistory;
    }

    public BooleanProperty describeFastProperty() {
        return describeFast;
    }

    /** Show speech on a braille display through BRLTTY; applied when Sightline next starts. */
    public BooleanProperty brailleProperty() {
        return braille;
    }

    /** Answer add-ons and scripts from this window (the service protocol); applied when Sightline next starts. */
    public BooleanProperty serveRequestsProperty() {
        return serveRequests;
    }

    public StringProperty remoteUrlProperty() {
        return remoteUrl;
    }

    public StringProperty remoteModelProperty() {
        return remoteModel;
    }

    public StringProperty remoteApiKeyProperty() {
        return remoteApiKey;
    }

    /** What is wrong with the fields, one translated sentence each; empty when they can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        HotkeyBindings.from(hotkeyTexts(), problems);
        if (speechRate.get() < Settings.MIN_RATE || speechRate.get() > Settings.MAX_RATE) {
            problems.add(AppText.get("settings.rate.range", Settings.MIN_RATE, Settings.MAX_RATE));
        }
        if (regionSize.get() < Settings.MIN_REGION || regionSize.get() > Settings.MAX_REGION) {
            problems.add(AppText.get("settings.region.range", Settings.MIN_REGION, Settings.MAX_REGION));
        }
        if (!Settings.validRemoteUrl(stripped(remoteUrl))) {
            problems.add(AppText.get("settings.remoteUrl.invalid"));
        }
        return problems;
    }

    private static String stripped(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    private Map<String, String> hotkeyTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        hotkeys.forEach((h, p) -> texts.put(h.name(), p.get() == null ? "" : p.get().strip()));
        return texts;
    }

    public Settings toSettings() {
        return new Settings(selfVoicing.get(), language.get(), hotkeyTexts(), speechRate.get(),
                speechEngine.get() == null ? "" : speechEngine.get().strip(), regionSize.get(), keepHistory.get(),
                firstRunDone, describeFast.get(), stripped(remoteUrl), stripped(remoteModel), stripped(remoteApiKey),
                braille.get(), serveRequests.get());
    }
}
