package org.sightline.app.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.CaptureService;
import org.sightline.app.assistant.DescribeService;
import org.sightline.app.assistant.NotBuiltActiveWindowTracker;
import org.sightline.app.assistant.NotBuiltReadService;
import org.sightline.app.chat.TranscriptHistory;
import org.sightline.app.settings.SettingsStore;
import org.sightline.app.testing.OnePictureCapture;
import org.sightline.i18n.Messages;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.ThreadPoolTaskExecutor;
import org.testfx.util.WaitForAsyncUtils;

/**
 * From the first token of an answer to its first spoken sentence, in the real window (JavaFX thread, chat
 * view, task executor) with a describer that writes one token every {@value #PACE_MS} ms, as a local model
 * does on a laptop. Speech is the recording output, timed when the first sentence reaches it. The first
 * sentence is complete only when the token after its full stop arrives ({@value #FIRST_SENTENCE_TOKENS} tokens
 * in), so that much of the time is the model's; the rest is Sightline's. Measured with an empty transcript
 * and with a full history (200 earlier answers, as a long session keeps). Prints a table; asserts nothing
 * about speed. Run under a display:
 * {@code xvfb-run -a mvn -B -pl app -am test -Dtest=AnswerSpeechLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DexcludedTestGroups= -Dgroups=bench}.
 */
@Tag("bench")
class AnswerSpeechLatencyBenchmark {

    static final int PACE_MS = 40;
    static final int FIRST_SENTENCE_TOKENS = 6;
    private static final String[] TOKENS = {"A", " login", " form", " with", " two", " fields.", " The", " first",
        " asks", " for", " an", " email", " address.", " Below", " it", " is", " a", " blue", " Sign", " in",
        " button."};
    private static final String FIRST_SENTENCE = "A login form with two fields.";
    private static final int ANSWERS = 8;

    @TempDir
    Path dir;

    private DesktopShell shell;
    private volatile long firstTokenAt;
    private volatile long firstSentenceAt;

    @BeforeAll
    static void english() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (shell != null) {
            DesktopShell s = shell;
            runOnFx(s::close);
        }
    }

    @Test
    void firstTokenToFirstSpokenSentence() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("| transcript before the answer | first token to first sentence, median (ms) | max (ms) |"
                + " of which waiting for the model (ms) |");
        rows.add("|---|---|---|---|");
        rows.add(measure("empty", 0, false));
        rows.add(measure("200 earlier answers", TranscriptHistory.MAX_TURNS, false));
        rows.add(measure("200 earlier answers, JavaFX thread busy 30 ms in every 100", TranscriptHistory.MAX_TURNS,
                true));
        System.out.println(String.join("\n", rows));
    }

    private String measure(String label, int earlierTurns, boolean busyFxThread) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-" + earlierTurns + "-" + busyFxThread));
        if (earlierTurns > 0) {
            List<Map<String, String>> entries = new ArrayList<>();
            for (int i = 0; i < earlierTurns; i++) {
                entries.add(Map.of("question", "Describe the screen", "lookedAt", "the screen",
                        "answer", ("Answer " + i + ": a page with a heading, two columns of text and a row of"
                                + " buttons along the bottom edge. ").repeat(4)));
            }
            new ObjectMapper().writeValue(home.resolve(TranscriptHistory.FILE_NAME).toFile(), entries);
        }
        TimedSpeech speech = new TimedSpeech();
        CaptureService screen = new OnePictureCapture(DesktopWalkthroughTest::picture, "the screen");
        DescribeService paced = (request, context, tokens) -> {
            long next = System.nanoTime();
            for (int i = 0; i < TOKENS.length; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new org.sightline.task.CancelledException();
                    }
                }
                context.cancellation().throwIfCancelled();
                if (i == 0) {
                    firstTokenAt = System.nanoTime();
                }
                tokens.accept(TOKENS[i]);
                next += TimeUnit.MILLISECONDS.toNanos(PACE_MS);
            }
            return String.join("", TOKENS);
        };
        Assistant assistant = new Assistant(screen, new NotBuiltReadService(), paced, new NotBuiltActiveWindowTracker());
        runOnFx(() -> shell = DesktopShell.open(new Stage(), new AppServices(assistant, speech,
                new ThreadPoolTaskExecutor(2, Platform::runLater), new SettingsStore(home), false)));
        // Other work on the JavaFX thread (layout of another window, a long list): 30 ms of every 100.
        java.util.concurrent.ScheduledExecutorService load = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        if (busyFxThread) {
            load.scheduleAtFixedRate(() -> Platform.runLater(() -> {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }), 0, 100, TimeUnit.MILLISECONDS);
        }
        long[] latencies = new long[ANSWERS];
        for (int run = -1; run < ANSWERS; run++) {
            firstTokenAt = 0;
            firstSentenceAt = 0;
            runOnFx(() -> shell.model().describeScreen());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean done = false;
            while (System.nanoTime() < deadline) {
                Thread.sleep(20);
                boolean[] busy = new boolean[1];
                runOnFx(() -> busy[0] = shell.model().busyProperty().get());
                if (!busy[0] && firstSentenceAt != 0) {
                    done = true;
                    break;
                }
            }
            if (!done) {
                throw new AssertionError("the answer did not finish; spoken: " + speech.recording.spoken());
            }
            if (run >= 0) {
                latencies[run] = firstSentenceAt - firstTokenAt;
            }
        }
        load.shutdownNow();
        runOnFx(shell::close);
        shell = null;
        Arrays.sort(latencies);
        double median = (latencies[ANSWERS / 2 - 1] + latencies[ANSWERS / 2]) / 2e6;
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d |", label, median, latencies[ANSWERS - 1] / 1e6,
                (FIRST_SENTENCE_TOKENS) * PACE_MS);
    }

    private static void runOnFx(Runnable action) {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the JavaFX thread did not answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The recording output, with the moment the answer's first sentence reached it. */
    private final class TimedSpeech implements SpeechOutput {
        final RecordingSpeechOutput recording = new RecordingSpeechOutput();

        @Override
        public void speak(String text, Priority priority) {
            if (firstSentenceAt == 0 && firstTokenAt != 0 && FIRST_SENTENCE.equals(text)) {
                firstSentenceAt = System.nanoTime();
            }
            recording.speak(text, priority);
        }

        @Override
        public void stop() {
            recording.stop();
        }

        @Override
        public void play(Earcon earcon) {
            recording.play(earcon);
        }
    }
}
