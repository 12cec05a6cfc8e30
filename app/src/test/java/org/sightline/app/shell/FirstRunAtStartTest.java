package org.sightline.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.settings.SettingsStore;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.ThreadPoolTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first start of the real window, wired as {@code ./sightline} wires it: the setup opens by itself
 * after "Sightline ready", leaving it is remembered in the settings file, and Shift+F1 brings it back.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunAtStartTest {

    private static final String WELCOME = "Welcome to Sightline. Step 1 of 5.";

    @TempDir
    Path dir;

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private DesktopShell shell;

    @BeforeAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        if (shell != null) {
            DesktopShell s = shell;
            WaitForAsyncUtils.asyncFx(() -> {
                if (s.setupWindow() != null) {
                    s.setupWindow().close();
                }
                s.view().questionField().getScene().getWindow().hide();
                s.close();
            });
            WaitForAsyncUtils.waitForFxEvents();
            shell = null;
        }
    }

    @Test
    void theSetupOpensOnceAfterReadyAndShiftF1ReplaysIt(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("config"));
        open(store, true);
        awaitSpokenStarting(WELCOME);
        assertThat(speech.spoken()).contains("Sightline ready. Press F1 to hear every key.");
        assertThat(speech.spoken().indexOf("Sightline ready. Press F1 to hear every key."))
                .isLessThan(indexStarting(WELCOME));
        await(() -> shell.setupWindow() != null && shell.setupWindow().isShowing(), "the setup window");
        assertThat(shell.setupWindow().getTitle()).isEqualTo("Sightline setup");

        // Escape twice leaves the setup; that is remembered, so the next start goes straight to work.
        robot.targetWindow(shell.setupWindow()).push(KeyCode.ESCAPE);
        awaitSpoken("Press Escape again to leave setup, or Enter to go on.");
        robot.push(KeyCode.ESCAPE);
        awaitSpoken("Setup closed. You can replay it with Shift F1.");
        await(() -> shell.setupWindow() == null, "the setup window to close");
        assertThat(store.load().settings().firstRunDone()).isTrue();
        assertThat(Files.readString(store.file())).contains("\"firstRunDone\" : true");

        // Shift+F1 in the main window replays it, whatever the settings say.
        robot.targetWindow(mainWindow()).push(KeyCode.SHIFT, KeyCode.F1);
        await(() -> shell.setupWindow() != null && shell.setupWindow().isShowing(), "the replayed setup");
        awaitSpokenStarting(WELCOME);

        // A second start with the same settings does not open it.
        close();
        speech.clear();
        open(store, true);
        awaitSpoken("Sightline ready. Press F1 to hear every key.");
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.setupWindow()).isNull();
        assertThat(speech.spoken()).noneMatch(s -> s.startsWith(WELCOME));
    }

    @Test
    void servicesWithoutTheFlagNeverOpenItByThemselves() throws Exception {
        open(new SettingsStore(dir.resolve("fresh")), false);
        awaitSpoken("Sightline ready. Press F1 to hear every key.");
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.setupWindow()).isNull();
    }

    @Test
    void openWithSightlineDescribesThePictureAndLeavesTheSetupForAPlainStart() throws Exception {
        Path image = dir.resolve("holiday photo.png");
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(120, 80,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.setColor(java.awt.Color.RED);
        g.fillRect(30, 20, 60, 40);
        g.dispose();
        javax.imageio.ImageIO.write(picture, "png", image.toFile());
        SettingsStore store = new SettingsStore(dir.resolve("config"));
        open(store, true, image);
        awaitSpoken("Describing images is not available in this build yet.");
        assertThat(shell.model().transcriptProperty().get()).contains("Looked at: holiday photo.png");
        assertThat(shell.setupWindow()).isNull();
        assertThat(store.load().settings().firstRunDone()).isFalse();
    }

    private void open(SettingsStore store, boolean firstRunAtStart) throws Exception {
        open(store, firstRunAtStart, null);
    }

    private void open(SettingsStore store, boolean firstRunAtStart, Path image) throws Exception {
        shell = WaitForAsyncUtils.asyncFx(() -> DesktopShell.open(new Stage(), new AppServices(Assistant.notBuilt(),
                speech, new ThreadPoolTaskExecutor(2, Platform::runLater), store, false, firstRunAtStart), image))
                .get();
    }

    private Stage mainWindow() {
        return (Stage) shell.view().questionField().getScene().getWindow();
    }

    private int indexStarting(String prefix) {
        var spoken = speech.spoken();
        for (int i = 0; i < spoken.size(); i++) {
            if (spoken.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private void awaitSpoken(String text) {
        await(() -> speech.spoken().contains(text), "speech: " + text);
    }

    private void awaitSpokenStarting(String prefix) {
        await(() -> indexStarting(prefix) >= 0, "speech starting: " + prefix);
    }

    private void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) {
                return;
            }
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Timed out waiting for " + what + "; spoken so far: " + speech.spoken());
    }
}
