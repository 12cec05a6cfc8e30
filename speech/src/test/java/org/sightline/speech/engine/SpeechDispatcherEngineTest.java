package org.sightline.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechQueue;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.LinePlayer;
import org.sightline.speech.audio.PcmSink;
import org.sightline.speech.testing.SpeechDispatcherDaemon;
import org.sightline.task.CancellationToken;

/** Talks SSIP to a real speech-dispatcher server started for the test. */
class SpeechDispatcherEngineTest {

    @TempDir
    Path dir;

    @Test
    void notAvailableWithoutAServerAndNoErrorStorm() {
        SpeechDispatcherEngine engine = new SpeechDispatcherEngine(dir.resolve("no-server.sock"));
        assertThat(engine.isAvailable()).isFalse();
        assertThat(engine.voices()).isEmpty();
        assertThatThrownBy(() -> engine.speak("Hello.", SpeechSettings.defaults(), PcmSink.DISCARD,
                new CancellationToken())).isInstanceOf(EngineFailure.class);
    }

    @Test
    void speaksThroughTheServerAndWaitsForItToFinish() throws Exception {
        try (SpeechDispatcherDaemon daemon = SpeechDispatcherDaemon.start(dir, "recorder", 0.3)) {
            SpeechDispatcherEngine engine = new SpeechDispatcherEngine(daemon.socket());
            assertThat(engine.isAvailable()).isTrue();
            assertThat(engine.voices()).extracting(Voice::name).contains("recorder-voice");
            long start = System.nanoTime();
            engine.speak("Hello from Sightline.", SpeechSettings.defaults(), PcmSink.DISCARD, new CancellationToken());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).as("waits for the server's end event").isGreaterThanOrEqualTo(250);
            engine.speak(".leading dot\nsecond line", SpeechSettings.defaults().withRate(3), PcmSink.DISCARD,
                    new CancellationToken());
            assertThat(daemon.spoken()).contains("Hello from Sightline.");
            assertThat(String.join("\n", daemon.spoken())).contains(".leading dot");
            engine.close();
        }
    }

    @Test
    void stopCancelsOnTheServerAtOnce() throws Exception {
        try (SpeechDispatcherDaemon daemon = SpeechDispatcherDaemon.start(dir, "recorder", 5)) {
            SpeechDispatcherEngine engine = new SpeechDispatcherEngine(daemon.socket());
            CancellationToken stop = new CancellationToken();
            CompletableFuture<Void> speaking = CompletableFuture.runAsync(() ->
                    engine.speak("A long message.", SpeechSettings.defaults(), PcmSink.DISCARD, stop));
            waitUntil(() -> !daemon.spoken().isEmpty());
            long before = System.nanoTime();
            stop.cancel();
            speaking.get(2, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("a stop must not wait for the sentence to end; the 50 ms goal is measured by SpeechBenchmark").isLessThan(1000);
            engine.close();
        }
    }

    @Test
    void aServerThatDiesMidSentenceIsAnEngineFailureNotAHang() throws Exception {
        SpeechDispatcherDaemon daemon = SpeechDispatcherDaemon.start(dir, "recorder", 10);
        try {
            SpeechDispatcherEngine engine = new SpeechDispatcherEngine(daemon.socket());
            CompletableFuture<Void> speaking = CompletableFuture.runAsync(() ->
                    engine.speak("Interrupted by a crash.", SpeechSettings.defaults(), PcmSink.DISCARD,
                            new CancellationToken()));
            waitUntil(() -> !daemon.spoken().isEmpty());
            daemon.kill();
            assertThatThrownBy(() -> speaking.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineFailure.class);
        } finally {
            daemon.close();
        }
    }

    @Test
    void theQueueSpeaksThroughTheServerWithTheRealEspeakNgModule() throws Exception {
        try (SpeechDispatcherDaemon daemon = SpeechDispatcherDaemon.start(dir, "espeak-ng", 0)) {
            SpeechDispatcherEngine engine = new SpeechDispatcherEngine(daemon.socket());
            TtsEngines engines = new TtsEngines(List.of(engine, new SilentEngine()));
            try (SpeechQueue queue = new SpeechQueue(engines, SpeechSettings.defaults(), new LinePlayer(), null, null)) {
                assertThat(queue.currentEngine()).isEqualTo("speech-dispatcher");
                queue.speak("Hello from Sightline. This goes through speech dispatcher.", Priority.NORMAL);
                assertThat(queue.awaitIdle(Duration.ofSeconds(20))).isTrue();
                assertThat(queue.currentEngine()).as(daemon.log()).isEqualTo("speech-dispatcher");
            }
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
