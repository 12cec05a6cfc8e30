package org.sightline.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.firstrun.FirstRunCompletion.Outcome;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.SynchronousTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole setup completed with the keyboard alone, on a real display, asserting on what was spoken. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FirstRunViewTest {

    private static Locale saved;

    @TempDir
    static Path store;

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private TestPorts.Engines engines;
    private TestPorts.Models models;
    private final TestPorts.Completion completion = new TestPorts.Completion();
    private FirstRunViewModel vm;

    @BeforeAll
    static void needsADisplay() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null || Boolean.getBoolean("testfx.headless"),
                "no display: run under xvfb-run (as .ci/test does) or with -Dtestfx.headless=true");
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restoreLocale() {
        if (saved != null) {
            Messages.setLocale(saved);
        }
    }

    @Start
    void start(Stage stage) {
        engines = new TestPorts.Engines(new SpeechEngineChoices.Option("espeak-ng", "eSpeak NG", null),
                new SpeechEngineChoices.Option("freetts", "FreeTTS Kevin", null));
        models = new TestPorts.Models(store,
                new ModelChoices.Option("ppocr-v4", "PP-OCR v4", "reads text", 16_200_000L, false, true),
                new ModelChoices.Option("blazeface", "BlazeFace", "finds faces", 450_000L, false, false));
        vm = new FirstRunViewModel(speech, engines, models, completion, new SynchronousTaskExecutor());
        FirstRunView view = new FirstRunView(vm);
        stage.setScene(new Scene(view.root(), 720, 520));
        vm.start();
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @Test
    void theWholeSetupByKeyboardAlone(FxRobot robot) throws Exception {
        robot.type(KeyCode.ENTER);
        assertThat(vm.step()).isEqualTo(FirstRunStep.SPEECH_ENGINE);
        assertThat(speech.lastSpoken()).contains("Sightline is speaking with eSpeak NG");

        robot.type(KeyCode.DOWN);
        assertThat(engines.previews).containsExactly(
                "freetts: This is FreeTTS Kevin. Sightline will speak with this voice.");

        robot.type(KeyCode.ENTER);
        assertThat(vm.step()).isEqualTo(FirstRunStep.MODELS);
        assertThat(engines.chosen).containsExactly("espeak-ng", "freetts");

        robot.type(KeyCode.DOWN);
        assertThat(speech.lastSpoken()).isEqualTo("BlazeFace, finds faces, 450 KB, not selected");
        robot.type(KeyCode.SPACE);
        assertThat(speech.lastSpoken()).isEqualTo("BlazeFace selected. 2 models selected, 17 MB in all.");
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(speech.lastSpoken()).isEqualTo("The models are ready. Press Enter to go on.");
        assertThat(Files.exists(store.resolve("blazeface.onnx"))).isTrue();

        robot.type(KeyCode.TAB);
        assertThat(speech.events().get(speech.events().size() - 1).priority()).isEqualTo(Priority.NOW);
        assertThat(speech.lastSpoken()).isEqualTo("Download selected models, button");
        robot.type(KeyCode.ENTER);
        assertThat(speech.lastSpoken()).as("Enter presses the focused button; everything is installed now")
                .isEqualTo("Select a model with Space first.");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(speech.lastSpoken()).isEqualTo("Get the models, list, BlazeFace, finds faces, 450 KB, installed");

        robot.type(KeyCode.ENTER);
        assertThat(vm.step()).isEqualTo(FirstRunStep.KEYS_TOUR);
        robot.type(KeyCode.DOWN);
        assertThat(speech.lastSpoken()).isEqualTo("Control Shift W: describe the active window. 2 of 9.");

        robot.type(KeyCode.F1);
        assertThat(speech.lastSpoken()).startsWith("The keys. A short tour of the keys.");

        robot.type(KeyCode.ENTER);
        assertThat(vm.step()).isEqualTo(FirstRunStep.DONE);
        robot.type(KeyCode.ENTER);
        assertThat(completion.recorded).containsExactly(Outcome.FINISHED);
    }

    @Test
    void escapeTwiceLeavesTheSetup(FxRobot robot) {
        robot.type(KeyCode.ESCAPE);
        assertThat(speech.lastSpoken()).isEqualTo("Press Escape again to leave setup, or Enter to go on.");
        robot.type(KeyCode.ESCAPE);
        assertThat(completion.recorded).containsExactly(Outcome.SKIPPED);
    }
}
