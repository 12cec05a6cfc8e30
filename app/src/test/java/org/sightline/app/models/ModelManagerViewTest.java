package org.sightline.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.CatalogModelStore;
import org.sightline.app.testing.FxThread;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.ThreadPoolTaskExecutor;

/**
 * The model manager in a real window, driven only by the keyboard through the JavaFX robot (real key events through
 * the X server). Needs a display: CI runs it under Xvfb; without one it is skipped.
 */
class ModelManagerViewTest {

    @TempDir
    Path cache;

    private DemoModelServer server;
    private ThreadPoolTaskExecutor executor;
    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private ModelManagerViewModel model;
    private ModelManagerView view;
    private Stage stage;
    private Robot robot;

    @BeforeAll
    static void startToolkit() {
        assumeTrue(System.getenv("DISPLAY") != null, "no DISPLAY: run under xvfb-run to test the model manager window");
        FxThread.start();
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        return FxThread.call(work);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(25);
        }
    }

    private void press(KeyCode... chord) throws Exception {
        fx(() -> {
            for (KeyCode k : chord) {
                robot.keyPress(k);
            }
            for (int i = chord.length - 1; i >= 0; i--) {
                robot.keyRelease(chord[i]);
            }
            return null;
        });
        Thread.sleep(150);
    }

    private void screenshot(String name) throws Exception {
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        File dir = new File("target/screenshots");
        dir.mkdirs();
        ImageIO.write(image, "png", new File(dir, name));
    }

    @BeforeEach
    void open() throws Exception {
        server = new DemoModelServer(2_000_000, 1_000_000);
        executor = new ThreadPoolTaskExecutor(1, Platform::runLater);
        CatalogModelStore store = server.store(cache);
        AtomicLong now = new AtomicLong(); // each reading a full gap later: every progress step is due
        model = new ModelManagerViewModel(store, executor, speech, () -> now.addAndGet(3_000_000_000L));
        fx(() -> {
            view = new ModelManagerView(model);
            stage = new Stage();
            stage.setTitle("Sightline models");
            stage.setScene(new Scene(view.root(), 900, 520));
            stage.show();
            stage.toFront();
            view.initialFocus().requestFocus();
            robot = new Robot();
            return null;
        });
        waitFor(() -> {
            try {
                return fx(() -> stage.isFocused() && view.initialFocus().isFocused());
            } catch (Exception e) {
                return false;
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
        executor.close();
        server.close();
    }

    @Test
    void downloadVerifyAndRemoveByKeyboardOnly() throws Exception {
        ListView<?> list = (ListView<?>) view.initialFocus();
        press(KeyCode.END);
        press(KeyCode.HOME);
        assertThat(model.selectedId()).isEqualTo("demo");

        // Enter on the list downloads the selected model; the bar and the status follow it.
        press(KeyCode.ENTER);
        waitFor(() -> model.progress() > 0.3);
        screenshot("model-manager-downloading.png");
        ProgressBar bar = fx(() -> (ProgressBar) view.root().lookup(".progress-bar"));
        assertThat(fx(bar::getProgress)).isGreaterThan(0.0);
        assertThat(fx(bar::getAccessibleText)).startsWith("Downloading demo:");
        waitFor(() -> !model.busy());
        waitFor(() -> {
            try {
                return fx(() -> list.getItems().get(0).toString().contains(", installed,"));
            } catch (Exception e) {
                return false;
            }
        });
        screenshot("model-manager-installed.png");
        assertThat(speech.spoken()).contains("Demo VLM is installed.").anyMatch(s -> s.endsWith(" percent"));

        // Alt+V: the Verify button's mnemonic.
        press(KeyCode.ALT, KeyCode.V);
        waitFor(() -> "Demo VLM: all files verified.".equals(model.status()));

        // Delete on the list asks first; Escape keeps the model, Delete and Enter remove it; the focus stays usable.
        fx(() -> {
            list.requestFocus();
            return null;
        });
        press(KeyCode.DELETE);
        waitFor(() -> "demo".equals(model.pendingRemoval()));
        press(KeyCode.ESCAPE);
        waitFor(() -> "Demo VLM was kept.".equals(model.status()));
        assertThat(cache.resolve("demo")).exists();
        press(KeyCode.DELETE);
        press(KeyCode.ENTER);
        waitFor(() -> model.status().startsWith("Demo VLM was removed;"));
        assertThat(fx(() -> stage.getScene().getFocusOwner())).isNotNull()
                .matches(n -> !(n instanceof Button b) || !b.isDisabled());
        assertThat(cache.resolve("demo")).doesNotExist();
    }

    @Test
    void escapeCancelsADownload() throws Exception {
        server.throttle(200_000);
        press(KeyCode.HOME);
        press(KeyCode.ENTER);
        waitFor(() -> model.progress() > 0.05);
        press(KeyCode.ESCAPE);
        waitFor(() -> !model.busy());
        assertThat(model.status()).contains("cancelled");
        assertThat(fx(() -> view.root().lookupAll(".button").stream()
                .filter(n -> ((Button) n).getText().contains("Download")).findFirst().orElseThrow().isDisabled()))
                .isFalse();
    }
}
