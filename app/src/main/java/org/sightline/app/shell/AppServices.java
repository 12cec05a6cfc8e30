package org.sightline.app.shell;

import java.util.Objects;
import javafx.application.Platform;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.OcrReadService;
import org.sightline.app.assistant.VisionCaptureService;
import org.sightline.app.assistant.VisionDescribeService;
import org.sightline.app.assistant.VisionElementService;
import org.sightline.vision.describe.Describer;
import org.sightline.vision.read.TextReader;
import org.sightline.vision.vlm.VisionLanguageProviders;
import org.sightline.app.settings.Settings;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStores;
import org.sightline.speech.SpeechOutputs;
import org.sightline.speech.SpeechSettings;
import org.sightline.app.settings.SettingsStore;
import org.sightline.app.voice.LoggingSpeechOutput;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.TaskExecutor;
import org.sightline.task.ThreadPoolTaskExecutor;

/**
 * The composition root: the one place where the desktop app's capabilities are chosen. To wire in a real
 * capability, replace its {@code NotBuilt...} class in {@link #desktop} with an adapter implementing the same
 * port; nothing else in the app changes. Tests build their own instance with a recording speech output.
 *
 * @param globalHotkeys   whether to hook the system keyboard (off in tests: they must not watch the real keys)
 * @param firstRunAtStart whether to open the first-run setup after "Sightline ready" while the settings say it
 *                        has not run (off in tests: a window they did not ask for would take their keys)
 * @param serving         whether the app also answers add-ons and scripts (the service protocol), and where
 */
public record AppServices(Assistant assistant, SpeechOutput speech, TaskExecutor executor, SettingsStore settingsStore,
                          boolean globalHotkeys, boolean firstRunAtStart, AppServing.Choice serving) {

    public AppServices {
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(settingsStore, "settingsStore");
        Objects.requireNonNull(serving, "serving");
    }

    /** Services that serve requests when the settings ask for it, at the usual place. */
    public AppServices(Assistant assistant, SpeechOutput speech, TaskExecutor executor, SettingsStore settingsStore,
                       boolean globalHotkeys, boolean firstRunAtStart) {
        this(assistant, speech, executor, settingsStore, globalHotkeys, firstRunAtStart,
                AppServing.Choice.asSettingsSay());
    }

    /** Services that never open the first-run setup by themselves (Shift+F1 still does). */
    public AppServices(Assistant assistant, SpeechOutput speech, TaskExecutor executor, SettingsStore settingsStore,
                       boolean globalHotkeys) {
        this(assistant, speech, executor, settingsStore, globalHotkeys, false);
    }

    /** The same services, serving requests as {@code serving} says. */
    public AppServices withServing(AppServing.Choice serving) {
        return new AppServices(assistant, speech, executor, settingsStore, globalHotkeys, firstRunAtStart, serving);
    }

    /** What {@code ./sightline} runs. Callbacks land on the JavaFX thread; two workers keep a cancel responsive. */
    public static AppServices desktop(SpeechOutput speech) {
        return desktop(speech, SettingsStore.standard(), true, true);
    }

    /**
     * The desktop wiring with the given speech, settings folder and start-up behaviour: the journey tests run
     * exactly what {@code ./sightline} runs, but listen to the speech and keep their settings apart.
     */
    public static AppServices desktop(SpeechOutput speech, SettingsStore settings, boolean globalHotkeys,
                                      boolean firstRunAtStart) {
        CatalogModelStore store = ModelStores.standard();
        VisionCaptureService capture = new VisionCaptureService(VisionCaptureService.cameraFromEnvironment());
        OcrReadService reader = new OcrReadService(new TextReader(store));
        // Reading and describing both start with OCR: have it ready before the first key press.
        reader.preload();
        VisionElementService elements = new VisionElementService(reader);
        // The shell loads and saves through this same store, so the describer follows what the user saved.
        VisionDescribeService describer = new VisionDescribeService(new Describer(store, reader.reader(),
                VisionLanguageProviders.standard(), elements::counts), settings::current);
        Assistant assistant = new Assistant(capture, reader, describer, capture, elements);
        return new AppServices(assistant, speech, new ThreadPoolTaskExecutor(2, Platform::runLater),
                settings, globalHotkeys, firstRunAtStart);
    }

    /**
     * The speech output for the desktop app: the speech queue with the user's engine and rate, and the braille
     * display beside it when the user turned braille on.
     * {@code SIGHTLINE_ANNOUNCE_STDERR=1} (or its older name {@code SIGHTLINE_SPEECH_LOG=1}) also writes
     * everything said to stderr, one line each, so that scripts can check what the app announces.
     */
    public static SpeechOutput desktopSpeech() {
        Settings settings = SettingsStore.standard().load().settings();
        SpeechOutput engine = SpeechOutputs.create(speechSettings(settings));
        boolean log = "1".equals(System.getenv("SIGHTLINE_ANNOUNCE_STDERR"))
                || "1".equals(System.getenv("SIGHTLINE_SPEECH_LOG"))
                || Boolean.getBoolean("sightline.speech.log");
        return withBraille(log ? new LoggingSpeechOutput(engine, System.err) : engine, settings);
    }

    /**
     * The voice, with the braille display beside it where the user asked for braille and BRLTTY serves a display;
     * the voice alone otherwise (one log line, no delay worth noticing: see docs/decisions/0021-braille.md).
     */
    public static SpeechOutput withBraille(SpeechOutput voice, Settings settings) {
        return settings.braille() ? SpeechOutputs.withBraille(voice) : voice;
    }

    /** The speech module's settings for the user's: the rate is in words a minute, 175 being normal. */
    public static SpeechSettings speechSettings(Settings settings) {
        double rate = Math.max(SpeechSettings.MIN_RATE,
                Math.min(SpeechSettings.MAX_RATE, settings.speechRate() / (double) Settings.DEFAULT_RATE));
        String engine = settings.speechEngine() == null || settings.speechEngine().isBlank()
                ? SpeechSettings.AUTO : settings.speechEngine();
        return SpeechSettings.defaults().withEngine(engine).withRate(rate);
    }

    /** Applies changed settings to a running speech queue (directly, or behind the logging wrapper and the tee). */
    public static void applySpeechSettings(SpeechOutput speech, Settings settings) {
        LoggingSpeechOutput.queueOf(speech).ifPresent(queue -> queue.setSettings(speechSettings(settings)));
    }
}
