package org.sightline.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.sightline.speech.SpeechSettings;
import org.sightline.speech.audio.PcmRecorder;
import org.sightline.speech.audio.PcmSink;
import org.sightline.speech.testing.Pcm;
import org.sightline.task.CancellationToken;

/** FreeTTS's kevin16, rendered through Sightline's sink (never its own audio player). */
class FreeTtsEngineTest {

    private static final FreeTtsEngine ENGINE = new FreeTtsEngine();

    private static PcmRecorder render(String text, SpeechSettings settings) {
        PcmRecorder rec = new PcmRecorder();
        ENGINE.speak(text, settings, rec, new CancellationToken());
        return rec;
    }

    @Test
    void rendersAudibleSpeechOfAPlausibleLength() {
        PcmRecorder rec = render("Hello from Sightline, this is a ten word test sentence.", SpeechSettings.defaults());
        assertThat(rec.format().getSampleRate()).isEqualTo(16000f);
        assertThat(Pcm.rms(rec.pcm(), rec.format())).isGreaterThan(0.03);
        assertThat(rec.seconds()).isBetween(2.0, 6.0);
    }

    @Test
    void rateAndVolumeApply() {
        String text = "The quick brown fox jumps over the lazy dog.";
        PcmRecorder normal = render(text, SpeechSettings.defaults());
        PcmRecorder fast = render(text, SpeechSettings.defaults().withRate(3.0).withVolume(0.3));
        assertThat(fast.seconds()).isLessThan(normal.seconds() / 2);
        assertThat(Pcm.rms(fast.pcm(), fast.format())).isLessThan(Pcm.rms(normal.pcm(), normal.format()) * 0.6);
    }

    @Test
    void charactersItCannotSayAreSkippedNotFatal() {
        PcmRecorder mixed = render("Hello 你好 world ✓ 😀 \u0000.", SpeechSettings.defaults());
        assertThat(mixed.seconds()).isGreaterThan(0.4);
        PcmRecorder none = render("你好", SpeechSettings.defaults());
        assertThat(none.format()).isNull();
    }

    @Test
    void aStopEndsTheUtteranceAtOnce() throws Exception {
        ENGINE.warmUp();
        CancellationToken stop = new CancellationToken();
        AtomicInteger writes = new AtomicInteger();
        PcmSink speaker = new PcmSink() {
            @Override
            public void begin(AudioFormat format) {
            }

            @Override
            public boolean write(byte[] data, int offset, int length) {
                writes.incrementAndGet();
                try {
                    Thread.sleep(length / 32); // 16 kHz 16-bit: real time
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        };
        CompletableFuture<Void> speaking = CompletableFuture.runAsync(() -> ENGINE.speak(
                "This is a long sentence that goes on and on, so that there is plenty of time to stop it.",
                SpeechSettings.defaults(), speaker, stop));
        while (writes.get() < 3) {
            Thread.sleep(5);
        }
        long before = System.nanoTime();
        stop.cancel();
        speaking.get(2, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("a stop must not wait for the sentence to end; the 50 ms goal is measured by SpeechBenchmark").isLessThan(1000);
    }
}
