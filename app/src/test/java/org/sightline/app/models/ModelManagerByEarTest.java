package org.sightline.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.voice.SelfVoicing;
import org.sightline.app.testing.FxThread;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.ThreadPoolTaskExecutor;

/**
 * The model manager as a blind user meets it: opened over Sightline's window, driven by keys alone through the
 * JavaFX robot (real key events through the toolkit, on the headless glass the app's UI tests use), every line heard
 * recorded in order, with the app's self-voicing attached as in the app.
 */
class ModelManagerByEarTest {

    @TempDir
    Path cache;

    private DemoModelServer server;
    private ThreadPoolTaskExecutor executor;
    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private ModelManagerViewModel model;
    private SelfVoicing voicing;
    private Stage main;
    private Stage manager;
    private Robot robot;

    @BeforeAll
    static void startToolkit() {
        assumeTrue(System.getenv("DISPLAY") != null, "no DISPLAY: run under xvfb-run to test the model manager window");
        FxThread.start();
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        return FxThread.call(work);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    /** Presses a key, then waits until the speech has been quiet for a moment, and returns what was said. */
    private List<String> press(KeyCode key) throws Exception {
        int before = speech.spoken().size();
        fx(() -> {
            robot.keyPress(key);
            robot.keyRelease(key);
            return null;
        });
        settle();
        List<String> all = speech.spoken();
        return all.subList(before, all.size());
    }

    private void settle() throws InterruptedException {
        int size = -1;
        while (size != speech.spoken().size()) {
            size = speech.spoken().size();
            Thread.sleep(400);
        }
    }

    @BeforeEach
    void openSightlineWindow() throws Exception {
        server = new DemoModelServer(1_200_000, 4_000_000);
        executor = new ThreadPoolTaskExecutor(1, Platform::runLater);
        model = new ModelManagerViewModel(server.store(cache), executor, speech);
        fx(() -> {
            TextField question = new TextField();
            question.setAccessibleText("Question");
            main = new Stage();
            main.setTitle("Sightline");
            main.setScene(new Scene(new VBox(question), 600, 300));
            voicing = new SelfVoicing(speech, () -> true);
            voicing.attachToAllWindows();
            main.show();
            main.toFront();
            question.requestFocus();
            robot = new Robot();
            return null;
        });
        waitFor("Sightline's window focused", () -> {
            try {
                return fx(() -> main.isFocused());
            } catch (Exception e) {
                return false;
            }
        });
        // Built-in models are unpacked in the background when the manager opens; let that finish first.
        waitFor("the built-in model unpacked", () -> model.rows().stream()
                .anyMatch(r -> r.builtIn() && r.installed()) || !model.rows().stream().anyMatch(ModelRow::builtIn));
        settle();
    }

    @AfterEach
    void close(TestInfo test) throws Exception {
        // What the user heard, in order, kept beside the test reports.
        Path transcript = Path.of("target", "journeys", test.getTestMethod().orElseThrow().getName() + ".txt");
        Files.createDirectories(transcript.getParent());
        Files.write(transcript, speech.spoken());
        fx(() -> {
            voicing.close();
            if (manager != null) {
                manager.close();
            }
            main.close();
            return null;
        });
        executor.close();
        server.close();
    }

    @Test
    void everyMoveIsSpokenRemoveAsksAndOneEscapeClosesAndSaysWhereTheFocusIs() throws Exception {
        int before = speech.spoken().size();
        fx(() -> {
            manager = ModelManagerView.openWindow(main, model, "Models");
            manager.show();
            return null;
        });
        settle();
        List<String> opening = speech.spoken().subList(before, speech.spoken().size());
        assertThat(opening).as("opening").last().asString()
                .startsWith("Models, dialog. Models, list, Demo VLM")
                .contains(", not installed, ").endsWith(", 1 of " + model.rows().size());

        // Every move says the row whole: name, state, size, task, and where it is in the list.
        assertThat(press(KeyCode.DOWN)).as("Down").singleElement().asString()
                .contains("built into Sightline").endsWith(", 2 of " + model.rows().size());
        assertThat(press(KeyCode.DELETE)).as("Delete on a built-in model")
                .containsExactly(model.selected().name() + " is built into Sightline and cannot be removed.");
        assertThat(press(KeyCode.UP)).as("Up").singleElement().asString().startsWith("Demo VLM")
                .endsWith(", 1 of " + model.rows().size());
        assertThat(press(KeyCode.DELETE)).as("Delete on a model that is not installed")
                .containsExactly("Demo VLM is not installed.");

        // Enter downloads; progress and the result are spoken.
        List<String> download = press(KeyCode.ENTER);
        waitFor("the download", () -> !model.busy());
        settle();
        download = speech.spoken().subList(speech.spoken().size() - 1, speech.spoken().size());
        assertThat(download).containsExactly("Demo VLM is installed.");

        // Remove asks; Escape answers no and does not close the window.
        assertThat(press(KeyCode.DELETE)).as("Delete").singleElement().asString()
                .isEqualTo("Remove Demo VLM, about 1.2 MB? Press Enter or Remove again to remove it, "
                        + "Escape to keep it.");
        assertThat(press(KeyCode.ESCAPE)).as("Escape on the question").containsExactly("Demo VLM was kept.");
        assertThat(fx(() -> manager.isShowing())).isTrue();
        assertThat(model.selected().installed()).isTrue();

        press(KeyCode.DELETE);
        assertThat(press(KeyCode.ENTER)).as("Enter on the question").singleElement().asString()
                .startsWith("Demo VLM was removed; ").endsWith(" freed.");
        assertThat(model.selected().installed()).isFalse();

        // One Escape closes the manager; the user hears that it closed and where the focus is now.
        assertThat(press(KeyCode.ESCAPE)).as("Escape").containsExactly("Models closed. Question, edit text, empty");
        assertThat(fx(() -> manager.isShowing())).isFalse();
    }

    @Test
    void closingDuringADownloadSaysTheDownloadStoppedThenWhereTheFocusIs() throws Exception {
        server.throttle(100_000);
        fx(() -> {
            manager = ModelManagerView.openWindow(main, model, "Models");
            manager.show();
            return null;
        });
        settle();
        press(KeyCode.ENTER);
        waitFor("the download to start", () -> model.progress() > 0.01);

        assertThat(press(KeyCode.ESCAPE)).as("Escape during a download").containsExactly(
                "The download of Demo VLM stopped; it resumes where it stopped when you download it again.",
                "Models closed. Question, edit text, empty");
        waitFor("the download to stop", () -> !model.busy());
        assertThat(fx(() -> manager.isShowing())).isFalse();
    }
}
