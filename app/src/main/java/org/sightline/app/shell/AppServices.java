package org.sightline.app.shell;

import java.util.Objects;
import javafx.application.Platform;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.NotBuiltActiveWindowTracker;
import org.sightline.app.assistant.NotBuiltCaptureService;
import org.sightline.app.assistant.NotBuiltDescribeService;
import org.sightline.app.assistant.NotBuiltReadService;
import org.sightline.app.settings.SettingsStore;
import org.sightline.app.voice.LoggingSpeechOutput;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.TaskExecutor;
import org.sightline.task.ThreadPoolTaskExecutor;

/**
 * The composition root: the one place where the desktop app's capabilities are chosen. To wire in a real
 * capability, replace its {@code NotBuilt...} class in {@link #desktop} with an adapter implementing the same
 * port; nothing else in the app changes. Tests build their own instance with a recording speech output.
 *
 * @param globalHotkeys whether to hook the system keyboard (off in tests: they must not watch the real keys)
 */
public record AppServices(Assistant assistant, SpeechOutput speech, TaskExecutor executor, SettingsStore settingsStore,
                          boolean globalHotkeys) {

    public AppServices {
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(settingsStore, "settingsStore");
    }

    /** What {@code ./sightline} runs. Callbacks land on the JavaFX thread; two workers keep a cancel responsive. */
    public static AppServices desktop(SpeechOutput speech) {
        Assistant assistant = new Assistant(
                new NotBuiltCaptureService(),
                new NotBuiltReadService(),
                new NotBuiltDescribeService(),
                new NotBuiltActiveWindowTracker());
        return new AppServices(assistant, speech, new ThreadPoolTaskExecutor(2, Platform::runLater),
                SettingsStore.standard(), true);
    }

    /**
     * The speech output for the desktop app. No speech engine is wired in yet, so nothing is audible and
     * everything said is in the transcript; {@code SIGHTLINE_SPEECH_LOG=1} also writes it to stderr.
     */
    public static SpeechOutput desktopSpeech() {
        SpeechOutput engine = new SpeechOutput() {
            @Override
            public void speak(String text, Priority priority) {
            }

            @Override
            public void stop() {
            }

            @Override
            public void play(Earcon earcon) {
            }
        };
        boolean log = "1".equals(System.getenv("SIGHTLINE_SPEECH_LOG"))
                || Boolean.getBoolean("sightline.speech.log");
        return log ? new LoggingSpeechOutput(engine, System.err) : engine;
    }
}
