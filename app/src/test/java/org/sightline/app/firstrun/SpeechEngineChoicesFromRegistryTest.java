package org.sightline.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.app.voice.LoggingSpeechOutput;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.speech.SpeechQueue;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.AudioOut;
import org.sightline.speech.audio.PcmRecorder;
import org.sightline.speech.engine.FreeTtsEngine;
import org.sightline.speech.engine.MacSayEngine;
import org.sightline.speech.engine.SilentEngine;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.TtsEngines;

/** The voice page against real engines (FreeTTS, which is in the jar) and a real speech queue. */
class SpeechEngineChoicesFromRegistryTest {

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void listsTheVoicesThatSpeakFirstThenThoseAnInstallWouldBringButNeitherSilenceNorOtherSystems() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "checks which engines a Linux computer lists");
        // Ranked above FreeTTS, but missing here: as on a computer without speech-dispatcher.
        TtsEngine missingDispatcher = new Missing("speech-dispatcher", 100);
        TtsEngines engines = new TtsEngines(List.of(new FreeTtsEngine(), new MacSayEngine(), missingDispatcher,
                new SilentEngine()));
        SpeechEngineChoicesFromRegistry choices = new SpeechEngineChoicesFromRegistry(engines,
                new org.sightline.speech.RecordingSpeechOutput(), () -> "", id -> { });
        List<SpeechEngineChoices.Option> options = choices.engines();
        assertThat(options).extracting(SpeechEngineChoices.Option::id)
                .containsExactly("freetts", "speech-dispatcher");
        assertThat(options.get(0).available()).isTrue();
        assertThat(options.get(0).displayName()).isEqualTo("FreeTTS");
        assertThat(options.get(1).available()).isFalse();
        assertThat(options.get(1).displayName()).isEqualTo("Speech Dispatcher");
        assertThat(options.get(1).unavailableReason()).isEqualTo("install speech-dispatcher, or start it.");
        assertThat(choices.currentId()).as("nothing chosen yet: the best available speaks").isNull();

        assertThatThrownBy(() -> choices.preview("speech-dispatcher", "hello"))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("install speech-dispatcher, or start it.");
                });
        assertThatThrownBy(() -> choices.preview("say", "hello"))
                .isInstanceOfSatisfying(SightlineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("it exists only on macOS.");
                });
    }

    @Test
    void previewSpeaksWithThatEngineAndOnlyChoosingSavesIt() throws Exception {
        PcmRecorder heard = new PcmRecorder();
        List<String> spokenBy = new CopyOnWriteArrayList<>();
        TtsEngines engines = new TtsEngines(List.of(new FreeTtsEngine(), new SilentEngine()));
        AtomicReference<String> saved = new AtomicReference<>("");
        try (SpeechQueue queue = new SpeechQueue(engines, SpeechSettings.defaults().withEngine("silent"),
                new Speaker(heard), null, new SpeechQueue.Listener() {
                    @Override
                    public void sentence(String text, String engineId) {
                        spokenBy.add(engineId + ": " + text);
                    }
                })) {
            // The app's queue sits behind the logging wrapper when SIGHTLINE_ANNOUNCE_STDERR is set.
            LoggingSpeechOutput speech = new LoggingSpeechOutput(queue, new java.io.PrintStream(
                    java.io.OutputStream.nullOutputStream()));
            SpeechEngineChoicesFromRegistry choices = new SpeechEngineChoicesFromRegistry(engines, speech,
                    saved::get, saved::set);

            choices.preview("freetts", "This is FreeTTS.");
            assertThat(queue.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(spokenBy).containsExactly("freetts: This is FreeTTS.");
            assertThat(heard.seconds()).as("FreeTTS produced sound").isGreaterThan(0.3);
            assertThat(saved.get()).as("a preview is not a choice").isEmpty();

            choices.choose("freetts");
            assertThat(saved.get()).isEqualTo("freetts");
            assertThat(queue.currentEngine()).isEqualTo("freetts");
            assertThat(choices.currentId()).isEqualTo("freetts");
        }
    }

    /** An engine that is not installed here. */
    private record Missing(String id, int rank) implements TtsEngine {
        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public boolean rendersAudio() {
            return false;
        }

        @Override
        public List<org.sightline.speech.engine.Voice> voices() {
            return List.of();
        }

        @Override
        public void speak(String text, SpeechSettings settings, org.sightline.speech.audio.PcmSink sink,
                          org.sightline.task.CancellationToken stop) {
            throw new IllegalStateException("not installed");
        }
    }

    /** A speaker that keeps the sound, so the test can tell that the engine really spoke. */
    private static final class Speaker implements AudioOut {
        private final PcmRecorder recorder;

        Speaker(PcmRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public void begin(AudioFormat format) {
            recorder.begin(format);
        }

        @Override
        public boolean write(byte[] data, int offset, int length) {
            return recorder.write(data, offset, length);
        }

        @Override
        public void abort() {
        }

        @Override
        public void drain() {
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
