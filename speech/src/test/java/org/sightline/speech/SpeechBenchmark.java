package org.sightline.speech;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.speech.audio.AudioOut;
import org.sightline.speech.engine.EspeakNgEngine;
import org.sightline.speech.engine.FreeTtsEngine;
import org.sightline.speech.engine.SilentEngine;
import org.sightline.speech.engine.SpeechDispatcherEngine;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.TtsEngines;
import org.sightline.speech.testing.SpeechDispatcherDaemon;

/**
 * Time to first audio for a ten-word sentence, per engine, and how long a stop takes to silence it. Run:
 * {@code mvn -B -pl speech -am test -Dtest=SpeechBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench}. Prints a table for docs/benchmarks.md; asserts nothing about speed.
 *
 * <p>First audio: from {@code speak(text, NOW)} until the first samples are handed to the speaker (for
 * speech-dispatcher: until its "begin" event). Stop: from {@code stop()} until the engine has returned and
 * the queue is idle, while the sentence is playing. The speaker takes samples at real-time pace, as a sound
 * card does, so stop hits a sentence that is really mid-way.
 */
@Tag("bench")
class SpeechBenchmark {

    private static final String TEN_WORDS = "Hello from Sightline, this is a ten word test sentence.";
    private static final int RUNS = 10;

    @TempDir
    Path dir;

    @Test
    void firstAudioAndStopLatencyPerEngine() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("| engine | first audio median (ms) | first audio max (ms) | stop median (ms) | stop max (ms) |");
        rows.add("|---|---|---|---|---|");
        EspeakNgEngine espeak = new EspeakNgEngine();
        if (espeak.isAvailable()) {
            rows.add(measure(espeak));
        }
        FreeTtsEngine freetts = new FreeTtsEngine();
        freetts.warmUp();
        rows.add(measure(freetts));
        try (SpeechDispatcherDaemon daemon = SpeechDispatcherDaemon.start(dir, "espeak-ng", 0)) {
            rows.add(measure(new SpeechDispatcherEngine(daemon.socket())));
        }
        System.out.println(String.join("\n", rows));
    }

    private String measure(TtsEngine engine) throws Exception {
        long[] first = new long[RUNS];
        long[] stop = new long[RUNS];
        CountDownLatch[] heard = new CountDownLatch[1];
        long[] firstAt = new long[1];
        SpeechQueue.Listener timing = new SpeechQueue.Listener() {
            @Override
            public void firstAudio(String text) {
                firstAt[0] = System.nanoTime();
                heard[0].countDown();
            }
        };
        try (SpeechQueue queue = new SpeechQueue(new TtsEngines(List.of(engine, new SilentEngine())),
                SpeechSettings.defaults(), new RealTimeSpeaker(), null, timing)) {
            for (int run = -1; run < RUNS; run++) { // run -1 warms up
                heard[0] = new CountDownLatch(1);
                long start = System.nanoTime();
                queue.speak(TEN_WORDS + " " + TEN_WORDS, Priority.NOW);
                if (!heard[0].await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError(engine.id() + " produced no audio");
                }
                Thread.sleep(300);
                long stopAt = System.nanoTime();
                queue.stop();
                if (!queue.awaitIdle(Duration.ofSeconds(5))) {
                    throw new AssertionError(engine.id() + " did not stop");
                }
                if (run >= 0) {
                    first[run] = firstAt[0] - start;
                    stop[run] = System.nanoTime() - stopAt;
                }
            }
        }
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |", engine.id(),
                median(first), max(first), median(stop), max(stop));
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }

    /** Takes samples at the pace a sound card plays them, and drops them at once on abort, as a flushed line does. */
    private static final class RealTimeSpeaker implements AudioOut {
        private final Object lock = new Object();
        private volatile AudioFormat format;
        private volatile boolean aborted;

        @Override
        public void begin(AudioFormat f) {
            format = f;
            aborted = false;
        }

        @Override
        public boolean write(byte[] data, int offset, int length) {
            AudioFormat f = format;
            long millis = Math.round(length / (double) f.getFrameSize() / f.getFrameRate() * 1000);
            synchronized (lock) {
                try {
                    if (!aborted) {
                        lock.wait(Math.max(1, millis));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }

        @Override
        public void abort() {
            synchronized (lock) {
                aborted = true;
                lock.notifyAll();
            }
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
