package org.sightline.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window, wired exactly as {@code ./sightline} wires it, by keyboard alone through every
 * action, and checks what a blind user would hear. Capabilities not in this build must say so plainly.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopWalkthroughTest {

    @TempDir
    Path dir;

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private DesktopShell shell;

    @BeforeAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        AppServices services = new AppServices(Assistant.notBuilt(), speech,
                new ThreadPoolTaskExecutor(2, Platform::runLater), new SettingsStore(dir.resolve("config")), false);
        shell = DesktopShell.open(stage, services);
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.close();
        }
    }

    @Test
    void everyActionByKeyboardAlone(FxRobot robot) throws Exception {
        awaitSpoken("Sightline ready. Press F1 to hear every key.");
        assertThat(shell.view().questionField().isFocused()).isTrue();

        // Tab order follows the visual order, and every stop is announced with its name and role.
        robot.push(KeyCode.TAB);
        awaitSpoken("Ask, button");
        robot.push(KeyCode.TAB);
        awaitSpoken("Describe the screen, button");
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        awaitSpoken("Question, edit text, empty");

        step(robot, "Describing the screen is not available in this build yet.", KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        step(robot, "Capturing a window is not available in this build yet.", KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W);
        // The pointer off Sightline's window: on it, the region would be all Sightline, and that is said instead.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        robot.moveTo(new javafx.geometry.Point2D(screen.getMaxX() - 2, screen.getMaxY() - 2));
        step(robot, "Capturing the region around the pointer is not available in this build yet.",
                KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        step(robot, "Capturing a window is not available in this build yet.", KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        step(robot, "The camera is not available in this build yet.", KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);

        // Open an image file: the file really loads; describing it is what this build lacks.
        Path image = dir.resolve("red square.png");
        ImageIO.write(picture(), "png", image.toFile());
        robot.push(KeyCode.CONTROL, KeyCode.O);
        awaitSpoken("Open an image, dialog. Image file, edit text, empty");
        type(robot, image.toString());
        robot.push(KeyCode.ENTER);
        awaitSpoken("Describing images is not available in this build yet.");
        assertThat(transcript()).contains("You: Open an image file", "Looked at: red square.png",
                "Sightline: Describing images is not available in this build yet.");
        assertFocusBack();

        // A missing file is bad input, said plainly; the dialog stays open with the path to correct.
        robot.push(KeyCode.CONTROL, KeyCode.O);
        awaitSpoken("Open an image, dialog. Image file, edit text, empty");
        type(robot, dir.resolve("nothing.png").toString());
        robot.push(KeyCode.ENTER);
        awaitSpokenContaining("There is no file at");
        robot.push(KeyCode.ESCAPE);
        assertFocusBack();

        // Escape leaves the open dialog without doing anything.
        robot.push(KeyCode.CONTROL, KeyCode.O);
        awaitSpoken("Open an image, dialog. Image file, edit text, empty");
        robot.push(KeyCode.ESCAPE);
        assertFocusBack();

        // Read text now reads the image last looked at.
        step(robot, "Reading text is not available in this build yet.", KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);

        // A typed question is a follow-up about the same image.
        type(robot, "what colour is it?");
        robot.push(KeyCode.ENTER);
        awaitSpoken("Describing images is not available in this build yet.");
        assertThat(transcript()).contains("You: what colour is it?");
        assertThat(shell.view().questionField().getText()).isEmpty();
        robot.push(KeyCode.ENTER);
        awaitSpoken("Type a question first, then press Enter.");

        // Paste: text on the clipboard goes into the question; an image on the clipboard is looked at.
        robot.interact(() -> {
            ClipboardContent text = new ClipboardContent();
            text.putString("is there a car");
            Clipboard.getSystemClipboard().setContent(text);
        });
        robot.push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.view().questionField().getText()).isEqualTo("is there a car");
        robot.interact(() -> shell.view().questionField().clear());
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(SwingFXUtils.toFXImage(picture(), null));
            Clipboard.getSystemClipboard().setContent(content);
        });
        speech.clear();
        robot.push(KeyCode.CONTROL, KeyCode.V);
        awaitSpoken("Describing images is not available in this build yet.");
        assertThat(transcript()).contains("Looked at: the image on the clipboard");
        assertFocusBack();

        speech.clear();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        await(() -> speech.events().stream().anyMatch(e -> e.kind().equals("stop")), "speech stopped");
        assertFocusBack();

        step(robot, "There is no answer to repeat yet.", KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        step(robot, "There is no answer to copy yet.", KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y);

        speech.clear();
        robot.push(KeyCode.F1);
        awaitSpokenContaining("Ctrl+Shift+D: Describe the screen.");
        String help = speech.lastSpoken();
        assertThat(help).contains("Ctrl+O: Open an image file.", "Ctrl+Shift+S: Stop speaking.", "F1: Help.",
                "Ctrl+,: Settings.", "Ctrl+Alt+Shift+D: Describe the screen.",
                "Ctrl+Alt+Shift+L: Bring the Sightline window forward.");
        assertThat(transcript()).contains("Ctrl+Shift+Y: Copy the last answer.");
        assertFocusBack();

        // Global chords also work inside the window (here without the system hook), and never type a letter.
        step(robot, "Describing the screen is not available in this build yet.",
                KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.D);
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.L);
        assertFocusBack();
        assertThat(shell.view().questionField().getText()).isEmpty();

        // Settings: the dialog and its first field are announced together; Space toggles it; Enter saves to a file
        // only the user reads.
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        awaitSpoken("Sightline settings, dialog. Self-voicing: speak controls as the focus moves, check box, checked");
        robot.push(KeyCode.TAB);
        awaitSpoken("Language, combo box, System");
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        robot.push(KeyCode.SPACE);
        awaitSpoken("not checked");
        robot.push(KeyCode.ENTER);
        awaitSpoken("Settings saved.");
        assertFocusBack();
        assertThat(shell.settings().selfVoicing()).isFalse();
        Path saved = dir.resolve("config/settings.json");
        assertThat(Files.readString(saved)).contains("\"selfVoicing\" : false");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");

        // With self-voicing off, moving the focus is silent (a screen reader speaks instead).
        speech.clear();
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(speech.spoken()).isEmpty();
        robot.push(KeyCode.SHIFT, KeyCode.TAB);

        // Escape cancels the settings screen; nothing changes.
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.SPACE);
        robot.push(KeyCode.ESCAPE);
        assertFocusBack();
        assertThat(shell.settings().selfVoicing()).isFalse();
        assertThat(Files.readString(saved)).contains("\"selfVoicing\" : false");
    }

    /**
     * Types text key by key, as a user's keyboard would (US layout), into whichever control has the focus.
     * TestFX's write() sends characters to its own target window and bypasses dialogs on Monocle.
     */
    private static void type(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            boolean shift = Character.isUpperCase(c) || c == '_' || c == '?';
            KeyCode key;
            if (Character.isLetter(c)) {
                key = KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
            } else if (Character.isDigit(c)) {
                key = KeyCode.valueOf("DIGIT" + c);
            } else {
                key = switch (c) {
                    case ' ' -> KeyCode.SPACE;
                    case '/', '?' -> KeyCode.SLASH;
                    case '.' -> KeyCode.PERIOD;
                    case '-', '_' -> KeyCode.MINUS;
                    default -> throw new IllegalArgumentException("cannot type " + c);
                };
            }
            if (shift) {
                robot.push(KeyCode.SHIFT, key);
            } else {
                robot.push(key);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void step(FxRobot robot, String expected, KeyCode... keys) {
        speech.clear();
        robot.push(keys);
        awaitSpoken(expected);
        // Everything spoken is also shown: answers in the transcript, short notices in the status line.
        assertThat(transcript() + "\n" + shell.model().statusProperty().get()).contains(expected);
        assertFocusBack();
    }

    private void assertFocusBack() {
        await(() -> shell.view().questionField().isFocused(), "focus back in the question field");
    }

    private String transcript() {
        return shell.model().transcriptProperty().get();
    }

    static BufferedImage picture() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.RED);
        g.fillRect(16, 12, 32, 24);
        g.dispose();
        return img;
    }

    private void awaitSpoken(String text) {
        await(() -> speech.spoken().contains(text), "speech: " + text);
    }

    private void awaitSpokenContaining(String text) {
        await(() -> speech.spoken().stream().anyMatch(s -> s.contains(text)), "speech containing: " + text);
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
        List<String> spoken = speech.spoken();
        throw new AssertionError("Timed out waiting for " + what + "; spoken so far: " + spoken);
    }
}
