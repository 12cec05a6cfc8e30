package org.sightline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sightline.speech.audio.LinePlayer;
import org.sightline.speech.engine.SilentEngine;
import org.sightline.speech.engine.TtsEngines;
import org.sightline.speech.testing.RecordingEngine;

/** The queue's rules, observed through a recording engine: order, priority, interruption, streaming, fallback. */
class SpeechQueueTest {

    private final RecordingEngine engine = new RecordingEngine("recorder", 10, 150);
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private SpeechQueue queue;

    private SpeechQueue queue(RecordingEngine... engines) {
        List<org.sightline.speech.engine.TtsEngine> all = new java.util.ArrayList<>(List.of(engines));
        all.add(new SilentEngine());
        queue = new SpeechQueue(new TtsEngines(all), SpeechSettings.defaults(), new LinePlayer(), null,
                new SpeechQueue.Listener() {
                    @Override
                    public void engineChanged(String from, String to, String reason) {
                        changes.add(from + "->" + to);
                    }
                });
        return queue;
    }

    @AfterEach
    void close() {
        if (queue != null) {
            queue.close();
        }
    }

    @Test
    void normalRequestsAreSpokenInOrderSentenceBySentence() throws Exception {
        queue(engine);
        queue.speak("First sentence. Second sentence.", Priority.NORMAL);
        queue.speak("Third one.", Priority.NORMAL);
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(engine.texts()).containsExactly("First sentence.", "Second sentence.", "Third one.");
    }

    @Test
    void nextGoesAheadOfQueuedNormalButAfterTheCurrentRequest() throws Exception {
        queue(engine);
        queue.speak("One. Two.", Priority.NORMAL);
        assertThat(engine.awaitStarted(2000)).isTrue();
        queue.speak("Later.", Priority.NORMAL);
        queue.speak("Soon.", Priority.NEXT);
        queue.speak("Soon too.", Priority.NEXT);
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(engine.texts()).containsExactly("One.", "Two.", "Soon.", "Soon too.", "Later.");
    }

    @Test
    void nowInterruptsTheCurrentSentenceAndDropsEverythingQueued() throws Exception {
        queue(engine);
        queue.speak("Old news. More old news.", Priority.NORMAL);
        queue.speak("Queued old news.", Priority.NORMAL);
        assertThat(engine.awaitStarted(2000)).isTrue();
        queue.speak("Fresh answer.", Priority.NOW);
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(engine.texts()).containsExactly("Old news.", "Fresh answer.");
        assertThat(engine.said().get(0).interrupted()).isTrue();
    }

    @Test
    void stopSilencesAtOnceInsteadOfFinishingTheSentence() throws Exception {
        RecordingEngine slow = new RecordingEngine("slow", 10, 5_000);
        queue(slow);
        queue.speak("A very long sentence that would take five seconds.", Priority.NORMAL);
        assertThat(slow.awaitStarted(2000)).isTrue();
        long before = System.nanoTime();
        queue.stop();
        assertThat(queue.awaitIdle(Duration.ofSeconds(2))).isTrue();
        long silentAfter = System.nanoTime() - before;
        assertThat(TimeUnit.NANOSECONDS.toMillis(silentAfter)).as("a stop must not wait for the sentence to end; the 50 ms goal is measured by SpeechBenchmark").isLessThan(1000);
        assertThat(slow.said()).hasSize(1);
    }

    @Test
    void emptyAndPunctuationOnlyTextIsIgnored() throws Exception {
        queue(engine);
        queue.speak("", Priority.NOW);
        queue.speak("   \n ", Priority.NORMAL);
        queue.speak(null, Priority.NORMAL);
        queue.speak("... !?", Priority.NORMAL);
        assertThat(queue.awaitIdle(Duration.ofSeconds(2))).isTrue();
        assertThat(engine.said()).isEmpty();
    }

    @Test
    void aStreamSpeaksItsFirstSentenceWhileTheRestIsStillComing() throws Exception {
        RecordingEngine fast = new RecordingEngine("fast", 10, 10);
        queue(fast);
        SpeechStream stream = queue.openStream(Priority.NORMAL);
        for (String token : List.of("The screen ", "shows a ", "login form. ", "It has ")) {
            stream.append(token);
        }
        assertThat(fast.awaitStarted(2000)).isTrue();
        assertThat(fast.begun()).containsExactly("The screen shows a login form.");
        assertThat(queue.awaitIdle(Duration.ofMillis(200))).as("an open stream keeps the queue busy").isFalse();
        stream.append("two fields");
        stream.finish();
        assertThat(queue.awaitIdle(Duration.ofSeconds(2))).isTrue();
        assertThat(fast.texts()).containsExactly("The screen shows a login form.", "It has two fields");
    }

    @Test
    void aNextRequestGoesBetweenTwoSentencesOfAStreamWhichThenGoesOn() throws Exception {
        queue(engine);
        SpeechStream stream = queue.openStream(Priority.NOW);
        stream.append("First sentence of the answer. ");
        assertThat(engine.awaitStarted(2000)).isTrue();
        queue.speak("Still working.", Priority.NEXT);
        queue.speak("Queued behind.", Priority.NORMAL);
        stream.append("Second sentence. ");
        stream.finish();
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(stream.isCancelled()).isFalse();
        assertThat(engine.texts()).containsExactly("First sentence of the answer.", "Still working.",
                "Second sentence.", "Queued behind.");
    }

    @Test
    void aNewRequestCancelsAStreamAndTellsItsProducer() throws Exception {
        queue(engine);
        SpeechStream stream = queue.openStream(Priority.NORMAL);
        stream.append("First part of a long answer. ");
        assertThat(engine.awaitStarted(2000)).isTrue();
        queue.speak("Stopped.", Priority.NOW);
        assertThat(stream.isCancelled()).isTrue();
        stream.append("This is never spoken. ");
        stream.finish();
        assertThat(queue.awaitIdle(Duration.ofSeconds(2))).isTrue();
        assertThat(engine.texts()).containsExactly("First part of a long answer.", "Stopped.");
    }

    @Test
    void a100000CharacterTextIsChunkedAndInterruptible() throws Exception {
        RecordingEngine fast = new RecordingEngine("fast", 10, 2);
        queue(fast);
        StringBuilder text = new StringBuilder();
        while (text.length() < 100_000) {
            text.append("This is sentence number ").append(text.length()).append(" of a very long document. ");
        }
        long before = System.nanoTime();
        queue.speak(text.toString(), Priority.NORMAL);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("queuing returns at once")
                .isLessThan(1000);
        while (fast.said().size() < 20) {
            assertThat(fast.awaitStarted(2000)).isTrue();
        }
        queue.stop();
        assertThat(queue.awaitIdle(Duration.ofSeconds(2))).isTrue();
        int spoken = fast.said().size();
        assertThat(spoken).isLessThan(1000);
        assertThat(fast.texts()).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(SentenceSplitter.MAX_CHUNK));
        Thread.sleep(50);
        assertThat(fast.said()).hasSize(spoken);
    }

    @Test
    void aBrokenEngineIsReplacedByTheNextWhichSaysSoOnce() throws Exception {
        RecordingEngine first = new RecordingEngine("first", 20, 10);
        RecordingEngine second = new RecordingEngine("second", 10, 10);
        queue(first, second);
        assertThat(queue.currentEngine()).isEqualTo("first");
        first.failAfter(1);
        queue.speak("One. Two. Three.", Priority.NORMAL);
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(first.texts()).containsExactly("One.");
        assertThat(second.texts()).hasSize(3);
        assertThat(second.texts().get(0)).contains("first").contains("second");
        assertThat(second.texts().subList(1, 3)).containsExactly("Two.", "Three.");
        assertThat(changes).containsExactly("first->second");
        assertThat(queue.currentEngine()).isEqualTo("second");
    }

    @Test
    void whenEveryEngineBreaksSpeechFallsSilentButNeverStops() throws Exception {
        RecordingEngine only = new RecordingEngine("only", 20, 10);
        only.failAfter(0);
        queue(only);
        queue.speak("Nobody hears this.", Priority.NORMAL);
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(queue.currentEngine()).isEqualTo("silent");
        assertThat(changes).containsExactly("only->silent");
    }

    @Test
    void settingsApplyFromTheNextSentence() throws Exception {
        queue(engine);
        queue.speak("Normal speed. Now faster.", Priority.NORMAL);
        assertThat(engine.awaitStarted(2000)).isTrue();
        queue.setSettings(SpeechSettings.defaults().withRate(3.0));
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(engine.said().get(0).settings().rate()).isEqualTo(1.0);
        assertThat(engine.said().get(1).settings().rate()).isEqualTo(3.0);
    }

    @Test
    void choosingAnEngineInSettingsPutsItFirst() throws Exception {
        RecordingEngine better = new RecordingEngine("better", 20, 10);
        queue(better, engine);
        queue.setSettings(SpeechSettings.defaults().withEngine("recorder"));
        assertThat(queue.engineOrder()).containsExactly("recorder", "better", "silent");
        queue.setSettings(SpeechSettings.defaults().withEngine("no-such-engine"));
        assertThat(queue.currentEngine()).isEqualTo("better");
    }
}
