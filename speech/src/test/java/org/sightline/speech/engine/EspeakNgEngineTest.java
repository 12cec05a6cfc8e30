package org.sightline.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechQueue;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.LinePlayer;
import org.sightline.speech.audio.PcmRecorder;
import org.sightline.speech.audio.PcmSink;
import org.sightline.speech.testing.Pcm;
import org.sightline.task.CancellationToken;

/** The real espeak-ng program. */
class EspeakNgEngineTest {

    private static final String TEN_WORDS = "Hello from Sightline, this is a ten word test sentence.";

    private static final EspeakNgEngine ENGINE = new EspeakNgEngine();

    @BeforeAll
    static void needsEspeak() {
        assumeTrue(ENGINE.isAvailable(), "espeak-ng is not installed (Debian package espeak-ng); skipping");
    }

    @AfterAll
    static void endSpareProcess() {
        ENGINE.close();
    }

    private static PcmRecorder render(String text, SpeechSettings settings) {
        PcmRecorder rec = new PcmRecorder();
        ENGINE.speak(text, settings, rec, new CancellationToken());
        return rec;
    }

    @Test
    void rendersAudibleSpeechOfAPlausibleLength() {
        PcmRecorder rec = render(TEN_WORDS, SpeechSettings.defaults());
        assertThat(rec.format().getSampleRate()).isEqualTo(22050f);
        assertThat(Pcm.rms(rec.pcm(), rec.format())).isGreaterThan(0.03);
        // Ten words at 175 words a minute: about 3.4 s, allowing for pauses and a different espeak version.
        assertThat(rec.seconds()).isBetween(2.0, 5.0);
    }

    @Test
    void threeTimesTheRateIsAboutAThirdOfTheLength() {
        double normal = render(TEN_WORDS, SpeechSettings.defaults()).seconds();
        PcmRecorder fast = render(TEN_WORDS, SpeechSettings.defaults().withRate(3.0));
        assertThat(fast.seconds()).isBetween(normal / 4.5, normal / 2.0);
        assertThat(Pcm.rms(fast.pcm(), fast.format())).isGreaterThan(0.03);
    }

    @Test
    void speaksMandarinAndQuietlyAtLowVolume() {
        PcmRecorder zh = render("你好，世界。今天天气很好。", SpeechSettings.defaults().withLanguage("cmn"));
        assertThat(zh.seconds()).isGreaterThan(1.5);
        assertThat(Pcm.rms(zh.pcm(), zh.format())).isGreaterThan(0.03);
        double loud = Pcm.rms(render("Volume check.", SpeechSettings.defaults()).pcm(), zh.format());
        PcmRecorder quiet = render("Volume check.", SpeechSettings.defaults().withVolume(0.3));
        assertThat(Pcm.rms(quiet.pcm(), quiet.format())).isLessThan(loud * 0.6);
    }

    @Test
    void oddCharactersDoNotBreakIt() {
        PcmRecorder rec = render("Price: 5€ — ✓ done \u0000\u0007 😀 <b>bold</b> & -rf --help", SpeechSettings.defaults());
        assertThat(rec.seconds()).isGreaterThan(0.5);
    }

    @Test
    void listsManyVoicesIncludingMandarin() {
        assertThat(ENGINE.voices()).hasSizeGreaterThan(50).extracting(Voice::name).contains("cmn", "en-us");
    }

    @Test
    void aStopKillsTheProcessAtOnce() throws Exception {
        CancellationToken stop = new CancellationToken();
        List<Long> writes = new CopyOnWriteArrayList<>();
        PcmSink slowSpeaker = new PcmSink() {
            @Override
            public void begin(AudioFormat format) {
            }

            @Override
            public boolean write(byte[] data, int offset, int length) {
                writes.add(System.nanoTime());
                try {
                    Thread.sleep(20); // about as fast as a real speaker takes the audio
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        };
        CompletableFuture<Void> speaking = CompletableFuture.runAsync(() ->
                ENGINE.speak(TEN_WORDS + " " + TEN_WORDS, SpeechSettings.defaults(), slowSpeaker, stop));
        while (writes.size() < 3) {
            Thread.sleep(5);
        }
        long before = System.nanoTime();
        stop.cancel();
        speaking.get(2, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("a stop must not wait for the sentence to end; the 50 ms goal is measured by SpeechBenchmark").isLessThan(1000);
    }

    @Test
    void aProcessThatDiesMidSentenceIsAFailureAndTheQueueFallsBack(@TempDir Path dir) throws Exception {
        // A real espeak-ng whose output is cut off half way, as if it crashed.
        Path dying = dir.resolve("dying-espeak-ng");
        Files.writeString(dying, "#!/bin/sh\nespeak-ng \"$@\" | head -c 30000\nkill -9 $$\n");
        Files.setPosixFilePermissions(dying, PosixFilePermissions.fromString("rwx------"));
        EspeakNgEngine broken = new EspeakNgEngine(dying.toString());
        assertThatThrownBy(() -> broken.speak(TEN_WORDS, SpeechSettings.defaults(), new PcmRecorder(),
                new CancellationToken())).isInstanceOf(EngineFailure.class);
        broken.close();

        PcmRecorder heard = new PcmRecorder();
        List<String> changes = new CopyOnWriteArrayList<>();
        TtsEngine fallback = new FreeTtsEngine();
        TtsEngines engines = new TtsEngines(List.of(broken, fallback, new SilentEngine()));
        try (SpeechQueue queue = new SpeechQueue(engines, SpeechSettings.defaults(), new RecordingOut(heard), null,
                new SpeechQueue.Listener() {
                    @Override
                    public void engineChanged(String from, String to, String reason) {
                        changes.add(from + "->" + to);
                    }
                })) {
            queue.speak("First sentence. Second sentence.", Priority.NORMAL);
            assertThat(queue.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(changes).containsExactly("espeak-ng->freetts");
            assertThat(queue.currentEngine()).isEqualTo("freetts");
        }
        assertThat(heard.seconds()).as("the notice and both sentences were spoken by FreeTTS").isGreaterThan(3);
    }

    /** A speaker that keeps what it is given, so the test can check that sound was produced. */
    private static final class RecordingOut implements org.sightline.speech.audio.AudioOut {
        private final PcmRecorder rec;

        RecordingOut(PcmRecorder rec) {
            this.rec = rec;
        }

        @Override
        public void begin(AudioFormat format) {
            rec.begin(format);
        }

        @Override
        public boolean write(byte[] data, int offset, int length) {
            return rec.write(data, offset, length);
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
