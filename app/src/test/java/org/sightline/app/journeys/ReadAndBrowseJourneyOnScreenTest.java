package org.sightline.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.testing.FxThread;

/**
 * A blind user's journeys with a real page in Chromium, by keys only, heard through the recording speech
 * output: coming back to Sightline from the browser, reading the browser's window and walking the answer line by
 * line and block by block, browsing the page's elements with the jump keys and returning to the question.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadAndBrowseJourneyOnScreenTest {

    @TempDir
    static Path dir;

    private static JourneyDesktop desktop;
    private static JourneyApp app;

    @BeforeAll
    static void start() throws Exception {
        desktop = JourneyDesktop.open(JourneyPage.write(dir), dir.resolve("chromium"));
        app = JourneyApp.start(dir.resolve("settings"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    @Order(1)
    void comingBackFromTheBrowserSaysWhereTheFocusIs() throws Exception {
        JourneyDesktop.activate(desktop.browserWindow());
        Thread.sleep(600); // Sightline notes which window the user went to a moment after it loses the focus
        app.listen();
        app.step("the window manager brings Sightline back");
        JourneyDesktop.activate(app.window());
        assertThat(app.saidUpTo("Sightline. Question, edit text, empty"))
                .containsExactly("Sightline. Question, edit text, empty");
        app.writeTranscript("coming-back");
    }

    @Test
    @Order(2)
    void readTheBrowserWindowThenWalkTheAnswerByLineAndBlock() throws Exception {
        List<String> read = press("Ctrl+Shift+T", "Story time is on Saturday morning.", "ctrl+shift+t");
        assertThat(read.get(0)).startsWith("Home Catalog");
        assertThat(read).containsSubsequence("Opening hours", "Open every day from nine to six.",
                "Story time is on Saturday morning.").contains("Reading group");

        assertThat(press("Shift+Tab", "Transcript, text, read only", "shift+Tab"))
                .containsExactly("Transcript, text, read only");
        assertThat(press("Ctrl+Home", "Sightline ready. Press F1 to hear every key.", "ctrl+Home"))
                .containsExactly("Sightline ready. Press F1 to hear every key.");
        assertThat(press("Down", "blank", "Down")).containsExactly("blank");
        assertThat(press("Down", "You: Read the text", "Down")).containsExactly("You: Read the text");
        assertThat(press("Down", "Looked at: window Riverside Library", "Down"))
                .containsExactly("Looked at: window Riverside Library");
        // Ctrl+Up reads the whole block it lands on: the question, what was looked at, the answer's first part.
        List<String> block = press("Ctrl+Up", null, "ctrl+Up");
        assertThat(block).hasSize(1);
        assertThat(block.get(0)).startsWith("You: Read the text\nLooked at: window Riverside Library\n"
                + "Sightline: Home Catalog");
        assertThat(press("Ctrl+Down", null, "ctrl+Down")).hasSize(1).doesNotContain(block.get(0));
        assertThat(press("Tab", "Question, edit text, empty", "Tab")).containsExactly("Question, edit text, empty");
        app.writeTranscript("read-window");
    }

    @Test
    @Order(3)
    void browseThePageWithTheJumpKeysThenAsk() throws Exception {
        List<String> start = press("Ctrl+Shift+B", "Home, link", "ctrl+shift+b");
        assertThat(start).hasSize(2);
        assertThat(start.get(0)).matches("Browse mode, \\d+ elements\\. Arrows move, H heading, K link, B button, "
                + "F form field, G graphic, Shift goes back, Enter activates, Escape leaves\\.");
        assertThat(press("H", "Opening hours, heading", "h")).containsExactly("Opening hours, heading");
        assertThat(press("H", "Reading group, heading", "h")).containsExactly("Reading group, heading");
        assertThat(press("H", "No next heading.", "h")).containsExactly("No next heading.");
        assertThat(press("Shift+H", "Opening hours, heading", "shift+h")).containsExactly("Opening hours, heading");
        assertThat(press("Shift+H", "No previous heading.", "shift+h")).containsExactly("No previous heading.");
        assertThat(press("Home", "Home, link", "Home")).containsExactly("Home, link");
        assertThat(press("Shift+K", "No previous link.", "shift+k")).containsExactly("No previous link.");
        show("K", "k");
        show("B", "b");
        show("F", "f");
        show("G", "g");
        show("End", "End");
        show("Up", "Up");
        // Escape leaves browse mode; the letters typed next are a question, echoed, not jump keys.
        assertThat(press("Escape", "Leaving browse mode.", "Escape")).containsExactly("Leaving browse mode.");
        assertThat(press("typing hi", "i", "h", "i")).containsExactly("h", "i");
        assertThat(FxThread.call(() -> app.shell().view().questionField().getText())).isEqualTo("hi");
        press("Ctrl+A, BackSpace", null, "ctrl+a", "BackSpace");
        app.writeTranscript("browse");
    }

    @Test
    @Order(4)
    void openAFileAndReadItAtOnce() throws Exception {
        Path notice = JourneyPage.writeNotice(dir);
        assertThat(press("Ctrl+O", "Open an image, dialog. Image file, edit text, empty", "ctrl+o"))
                .containsExactly("Open an image, dialog. Image file, edit text, empty");
        app.listen();
        JourneyDesktop.type(notice.toString());
        app.saidAfterQuiet();
        // Enter and the read key within a tenth of a second: the read is about the file being opened.
        assertThat(press("Enter, Ctrl+Shift+T", "The library is closed on Monday.", "Return", "ctrl+shift+t"))
                .containsExactly("Open an image closed. Question, edit text, empty", "Notice",
                        "The library is closed on Monday.");
        app.writeTranscript("open-then-read");
    }

    /**
     * Presses {@code keys} as one step and returns what was said up to {@code last} (or, when null, whatever was
     * said before the speech fell quiet), progress reports left out.
     */
    private static List<String> press(String step, String last, String... keys) throws Exception {
        app.listen();
        app.step(step);
        JourneyDesktop.keys(keys);
        return JourneyApp.withoutProgress(last == null ? app.saidAfterQuiet() : app.saidUpTo(last));
    }

    private static void show(String step, String... keys) throws Exception {
        System.out.println("SAID " + step + ": " + press(step, null, keys));
    }
}
