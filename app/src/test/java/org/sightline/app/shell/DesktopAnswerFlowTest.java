package org.sightline.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.CaptureService;
import org.sightline.app.assistant.DescribeService;
import org.sightline.app.assistant.NotBuiltActiveWindowTracker;
import org.sightline.app.assistant.NotBuiltReadService;
import org.sightline.app.settings.SettingsStore;
import org.sightline.app.testing.OnePictureCapture;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.Progress;
import org.sightline.task.ThreadPoolTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with working capabilities plugged into its ports (as the real adapters are): a long
 * description runs on a worker thread, reports progress, ignores a repeated key, is cancelled by Escape, and a
 * finished answer can be repeated and copied, all from the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAnswerFlowTest {

    @TempDir
    java.nio.file.Path dir;

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final AtomicInteger describeCalls = new AtomicInteger();
    private final CountDownLatch finishFirst = new CountDownLatch(1);
    private DesktopShell shell;

    @BeforeAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        CaptureService screen = new OnePictureCapture(DesktopWalkthroughTest::picture, "the screen");
        // The first call works until cancelled, like a slow model; later calls answer at once.
        DescribeService describer = (request, context, tokens) -> {
            if (describeCalls.incrementAndGet() == 1) {
                context.progress(new Progress(4, 10, ""));
                try {
                    while (!finishFirst.await(20, TimeUnit.MILLISECONDS)) {
                        context.cancellation().throwIfCancelled();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.sightline.task.CancelledException();
                }
                return "too late";
            }
            tokens.accept("A red rectangle. ");
            tokens.accept("On white.");
            return "A red rectangle. On white.";
        };
        Assistant assistant = new Assistant(screen, new NotBuiltReadService(), describer, new NotBuiltActiveWindowTracker());
        shell = DesktopShell.open(stage, new AppServices(assistant, speech,
                new ThreadPoolTaskExecutor(2, Platform::runLater), new SettingsStore(dir), false));
    }

    @AfterEach
    void close() {
        finishFirst.countDown();
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void longWorkIsCancelledByEscapeAndAnswersCanBeRepeatedAndCopied(FxRobot robot) {
        await(() -> speech.spoken().contains("Sightline ready. Press F1 to hear every key."), "ready");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        await(() -> "Working, 40 percent.".equals(shell.model().statusProperty().get()), "progress shown");
        assertThat(shell.model().busyProperty().get()).isTrue();
        assertThat(shell.view().questionField().isFocused()).isTrue();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        await(() -> speech.spoken().contains("Still working on Describe the screen. Press Escape to cancel it."),
                "repeated key refused");
        assertThat(describeCalls.get()).isEqualTo(1);

        speech.clear();
        robot.push(KeyCode.ESCAPE);
        await(() -> speech.spoken().contains("Cancelled."), "cancelled");
        assertThat(speech.events().get(0).kind()).isEqualTo("stop");
        assertThat(shell.model().busyProperty().get()).isFalse();
        assertThat(shell.view().questionField().isFocused()).isTrue();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        await(() -> speech.spoken().contains("On white."), "second answer");
        assertThat(speech.spoken()).containsSubsequence("A red rectangle.", "On white.");
        assertThat(shell.model().transcriptProperty().get()).contains("Sightline: Cancelled.",
                "Sightline: A red rectangle. On white.").doesNotContain("too late");

        speech.clear();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        await(() -> speech.spoken().contains("A red rectangle. On white."), "repeat");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y);
        await(() -> speech.spoken().contains("Answer copied."), "copied");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo("A red rectangle. On white.");

        // The transcript is reachable by keyboard and read line by line.
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        await(() -> speech.spoken().stream().anyMatch(s -> s.startsWith("Transcript, text, read only")),
                "transcript focus");
        robot.push(KeyCode.CONTROL, KeyCode.HOME);
        await(() -> speech.lastSpoken().equals("Sightline ready. Press F1 to hear every key."), "first line");
        robot.push(KeyCode.DOWN);
        await(() -> speech.lastSpoken().equals("blank"), "blank line between turns");
        robot.push(KeyCode.DOWN);
        await(() -> speech.spoken().contains("You: Describe the screen"), "line spoken");
        // Ctrl+Down reads the next block whole: the question, what was looked at and the answer.
        robot.push(KeyCode.CONTROL, KeyCode.DOWN);
        await(() -> speech.lastSpoken().startsWith("You: Describe the screen\n")
                && speech.lastSpoken().contains("A red rectangle. On white."), "the next turn read whole");
    }

    @Test
    void typingInTheQuestionEchoesEachCharacterButAKeyChordDoesNot(FxRobot robot) {
        await(() -> shell.view().questionField().isFocused(), "question focused");
        robot.write("hi");
        await(() -> speech.spoken().containsAll(java.util.List.of("h", "i")), "each character echoed");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A); // repeat the last answer: a chord, not typing
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(speech.spoken()).doesNotContain("A", "a");
        assertThat(shell.view().questionField().getText()).isEqualTo("hi");
    }

    private void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) {
                return;
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Timed out waiting for " + what + "; spoken so far: " + speech.spoken());
    }
}
