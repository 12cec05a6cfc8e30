package org.sightline.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sightline.app.testing.FxThread;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStores;

/**
 * A new user's first journeys, by keys only: the settings, every control heard with its value and the way back;
 * the first-run setup with a model download that succeeds and one that fails (through a download mirror on
 * loopback, with the real catalog); describing the region around the pointer without Sightline in it, and being
 * told when the pointer is on Sightline itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupSettingsAndRegionJourneyOnScreenTest extends ChromiumJourneys {

    private static final String BACK = "Question, edit text, empty";
    private static final String SETTINGS_CLOSED = "Sightline settings closed. " + BACK;
    private static final String SETUP_CLOSED = "Sightline setup closed. " + BACK;
    private static final String WELCOME = "Welcome to Sightline. Step 1 of 5. Sightline describes and reads what is "
            + "on your screen or in front of your camera. This setup takes about two minutes: choose a voice, get the "
            + "models, and learn the keys. Press Enter to go on, or Escape to leave. You can replay it any time with "
            + "Shift F1.";
    private static final String MODELS_PAGE = "Get the models. Step 3 of 5. Sightline needs models to read and "
            + "describe. Use the arrows to move through the list, and Space to select or clear a model. Press D to "
            + "download the selected models now, or I to import them from a folder, for a computer without internet. "
            + "Press Enter to go on. 1 model selected, 269 MB in all.";
    private static final String DOWNLOADING = "Downloading 1 model, 269 MB. Press Escape to cancel.";
    private static final String TOUR = "The keys. Step 4 of 5. A short tour of the keys. Use the up and down "
            + "arrows to hear each one again. Press Enter to go on.";
    private static final String FIRST_TIP = "Control Shift D: describe the screen. 1 of 9.";

    @Test
    @Order(1)
    void settingsByKeys() throws Exception {
        // The first control has the focus as the dialog opens: one announcement, not the Save button first.
        String opened = "Sightline settings, dialog. Self-voicing: speak controls as the focus moves, check box, "
                + "checked";
        assertThat(app.press("Ctrl+Comma", opened, "ctrl+comma")).containsExactly(opened);
        assertThat(tab()).containsExactly("Language, combo box, System");
        assertThat(tab()).containsExactly("Global key: Describe the screen, edit text, Ctrl+Alt+Shift+D");
        assertThat(tab()).containsExactly("Global key: Describe the window that was active when you pressed the "
                + "key, edit text, Ctrl+Alt+Shift+W");
        assertThat(tab()).containsExactly("Global key: Read the text of the active window, edit text, "
                + "Ctrl+Alt+Shift+T");
        assertThat(tab()).containsExactly("Global key: Camera snapshot, edit text, Ctrl+Alt+Shift+C");
        assertThat(tab()).containsExactly("Global key: Stop speaking and cancel, edit text, Ctrl+Alt+Shift+S");
        assertThat(tab()).containsExactly("Global key: Bring the Sightline window forward, edit text, "
                + "Ctrl+Alt+Shift+L");
        assertThat(tab()).containsExactly("Global key: Start or stop watching the active window: new text is read"
                + " as it appears, edit text, Ctrl+Alt+Shift+V");
        assertThat(tab()).containsExactly("Global key: Start or stop watching the region around the pointer, edit "
                + "text, Ctrl+Alt+Shift+P");
        assertThat(tab()).containsExactly("Global key: Watch a region you type as left, top, width and height, or "
                + "stop watching it, edit text, Ctrl+Alt+Shift+G");
        assertThat(tab()).containsExactly("Global key: Start or stop watching the camera: new text in front of it "
                + "is read as it appears, edit text, Ctrl+Alt+Shift+M");
        assertThat(tab()).containsExactly("Speech rate, words per minute, spin button, 175");
        // A spinner's new value is heard once per arrow.
        assertThat(app.press("Up", null, "Up")).containsExactly("180");
        assertThat(app.press("Down", null, "Down")).containsExactly("175");
        assertThat(tab()).containsExactly("Speech engine, edit text, empty");
        assertThat(tab()).containsExactly("Region around the pointer, in pixels, spin button, 400");
        assertThat(tab()).containsExactly("Keep the transcript between runs, check box, checked");
        assertThat(tab()).containsExactly("Fast descriptions: one look at the whole image, check box, not checked");
        assertThat(tab()).containsExactly("Show speech on a braille display (BRLTTY), check box, not checked");
        assertThat(tab()).containsExactly(
                "Answer screen-reader add-ons and scripts from this window, check box, not checked");
        assertThat(tab()).containsExactly("Description server address, edit text, empty");
        assertThat(tab()).containsExactly("Model name on the server, edit text, smolvlm");
        assertThat(tab()).containsExactly("API key for the server, password text, empty");
        assertThat(tab()).containsExactly("Cancel, button");
        assertThat(tab()).containsExactly("Save, button");
        assertThat(app.press("Escape", SETTINGS_CLOSED, "Escape")).containsExactly(SETTINGS_CLOSED);
        // Straight to the browser and back, within two seconds of the dialog closing: still a return to hear.
        visitTheBrowserAndComeBack("Sightline. " + BACK);
        // Enter saves from anywhere: the user hears that it was saved, then where the focus went.
        app.press("Ctrl+Comma", opened, "ctrl+comma");
        assertThat(app.press("Enter", SETTINGS_CLOSED, "Return")).containsExactly("Settings saved.",
                SETTINGS_CLOSED);
        app.writeTranscript("settings");
    }

    private static List<String> tab() throws Exception {
        return app.press("Tab", null, "Tab");
    }

    @Test
    @Order(2)
    void firstRunSetupWithADownloadThatSucceeds() throws Exception {
        CatalogModelStore before = ModelStores.standard();
        try (JourneyModelMirror mirror = new JourneyModelMirror()) {
            ModelStores.use(mirror.store(dir.resolve("setup-models")));
            throughTheVoicePage();
            assertThat(app.press("Enter", MODELS_PAGE, "Return")).containsExactly(MODELS_PAGE);
            // The smallest description model is chosen for the user; the text model ships inside Sightline.
            assertThat(app.press("Down", null, "Down")).containsExactly(
                    "SmolVLM-256M-Instruct, describes images and answers questions, fast, 269 MB, selected");
            assertThat(app.press("Up", null, "Up")).containsExactly(
                    "PP-OCRv4, reads text on screen and in photos, Chinese and English, 16 MB, installed");
            String ready = "The models are ready. Press Enter to go on.";
            assertThat(app.press("D", ready, "d")).containsExactly(DOWNLOADING, ready);
            assertThat(app.press("Enter", FIRST_TIP, "Return")).containsExactly(TOUR, FIRST_TIP);
            String done = "Setup is complete. Step 5 of 5. Sightline is ready. Press F1 at any time to hear the "
                    + "keys, and Shift F1 to replay this setup. Press Enter to start.";
            assertThat(app.press("Enter", done, "Return")).containsExactly(done);
            assertThat(app.press("Enter", SETUP_CLOSED, "Return")).containsExactly(SETUP_CLOSED);
        } finally {
            ModelStores.use(before);
        }
        app.writeTranscript("setup-download");
    }

    @Test
    @Order(3)
    void firstRunSetupWithADownloadThatFails() throws Exception {
        CatalogModelStore before = ModelStores.standard();
        try (JourneyModelMirror mirror = new JourneyModelMirror()) {
            mirror.breakDown();
            ModelStores.use(mirror.store(dir.resolve("setup-models-offline")));
            throughTheVoicePage();
            assertThat(app.press("Enter", MODELS_PAGE, "Return")).containsExactly(MODELS_PAGE);
            List<String> failed = app.pressUntilStart("D", "The download failed: ", "d");
            assertThat(failed).hasSize(2).first().isEqualTo(DOWNLOADING);
            assertThat(failed.get(1)).startsWith("The download failed: The server at 127.0.0.1 failed (HTTP 503).")
                    .endsWith(" Try again later or set a mirror. You can import the models "
                            + "from a folder instead, with I.");
            assertThat(app.press("Enter", FIRST_TIP, "Return")).containsExactly(TOUR, FIRST_TIP);
            // The last page says plainly that the models are missing and what works without them.
            List<String> done = app.press("Enter", null, "Return");
            assertThat(done).singleElement().asString()
                    .startsWith("Setup is done, but the models were not downloaded. Step 5 of 5. The download "
                            + "failed: The server at 127.0.0.1 failed (HTTP 503).")
                    .endsWith(" Try again later or set a mirror. Reading text, browsing a page and the summary of "
                            + "a picture work now; describing pictures needs the description model. Ctrl+M opens "
                            + "the model manager to download it later. Press F1 at any time to hear the keys. "
                            + "Press Enter to start.")
                    .doesNotContain("Setup is complete");
            assertThat(app.press("Enter", SETUP_CLOSED, "Return")).containsExactly(SETUP_CLOSED);
        } finally {
            ModelStores.use(before);
        }
        app.writeTranscript("setup-download-failed");
    }

    /** Shift+F1 replays the setup: the welcome, then the voice page, whose voice depends on the machine. */
    private static void throughTheVoicePage() throws Exception {
        assertThat(app.press("Shift+F1", WELCOME, "shift+F1")).containsExactly(WELCOME);
        assertThat(app.press("Enter", null, "Return")).singleElement().asString()
                .startsWith("Choose a voice. Step 2 of 5. ");
    }

    @Test
    @Order(5)
    void describeTheRegionAroundThePointer() throws Exception {
        Rectangle sightline = JourneyDesktop.bounds(app.window());
        Rectangle page = JourneyDesktop.bounds(desktop.browserWindow());
        // On Sightline's own window: nothing else is in the square, and that is what the user hears.
        JourneyDesktop.pointAt((int) sightline.getCenterX(), (int) sightline.getCenterY());
        String allSightline = "The region around the pointer is all Sightline's own window, so there is nothing "
                + "else in it to describe. Move the pointer onto what you want described, or press Ctrl+Shift+W "
                + "for the window you came from.";
        assertThat(app.press("Ctrl+Shift+R", allSightline, "ctrl+shift+r")).containsExactly(allSightline);

        // On the page's heading, the square reaching past Sightline's left edge: Sightline steps aside.
        int x = sightline.x + 150;
        int y = page.y + 190;
        assertThat(sightline.contains(x, y) && page.contains(x, y) && x - 200 < sightline.x).isTrue();
        JourneyDesktop.pointAt(x, y);
        List<String> said = app.pressUntilStart("Ctrl+Shift+R", "Mostly ", "ctrl+shift+r");
        assertThat(said.get(0)).isEqualTo(
                "No description model is installed, so here is a summary of the text and layout.");
        assertThat(said).anyMatch(line -> line.contains("Open every day"))
                .noneMatch(line -> line.contains("Sightline ready") || line.contains("You:")
                        || line.contains("Question") || line.contains("Transcript"));
        // The pointer goes out of the way again: over the page it would hide a letter from the next reading.
        JourneyDesktop.pointAt(0, 0);
        app.writeTranscript("describe-region");
    }

    @Test
    @Order(4)
    void browseModeKeepsTheTranscriptReadableAndOutlinesTheCurrentElement() throws Exception {
        visitTheBrowserAndComeBack("Sightline. " + BACK);
        assertThat(app.press("Ctrl+Shift+B", "Home, link", "ctrl+shift+b")).hasSize(2);
        // What OCR makes of the heading varies a little between runs ("Opening hour:"): the layout is the point here.
        List<String> heading = app.press("H", null, "h");
        assertThat(heading).singleElement().asString().matches("Opening hour.*, heading( level \\d)?");
        Thread.sleep(300); // the list scrolls to the element on the next pulse
        JourneyDesktop.screenshot(java.nio.file.Path.of("target", "journeys", "browse-layout.png"));
        BrowseLayout layout = FxThread.call(BrowseLayout::now);
        // The status line is one line saying where browse mode is, not the element list.
        assertThat(layout.status()).matches("Browse mode, \\d+ elements, on "
                + java.util.regex.Pattern.quote(heading.get(0)) + "\\. Escape leaves browse mode\\.");
        assertThat(layout.statusHeight()).isLessThan(30);
        // The transcript keeps room for several lines of text.
        assertThat(layout.transcriptHeight()).isGreaterThanOrEqualTo(180);
        // The element browse mode is on is in view, outlined thickly, inside its list and the window.
        assertThat(layout.outlinedText()).isEqualTo(heading.get(0));
        assertThat(layout.outlineWidth()).isGreaterThanOrEqualTo(4);
        assertThat(layout.list().contains(layout.outlined())).isTrue();
        assertThat(layout.window().contains(layout.list())).isTrue();
        assertThat(layout.outlined().getHeight()).isGreaterThanOrEqualTo(36);

        assertThat(app.press("Escape", "Leaving browse mode.", "Escape")).containsExactly("Leaving browse mode.");
        assertThat(FxThread.call(() -> app.shell().view().browseElements().list().isVisible())).isFalse();
        app.writeTranscript("browse-layout");
    }

    @Test
    @Order(6)
    void theWindowDescribedAfterAFileIsNamedFirst() throws Exception {
        typeTheNoticeIntoTheOpenDialog();
        // The summary ends with its colours (the offer of a description model came with the first summary).
        List<String> file = app.pressUntilStart("Enter", "Mostly ", "Return");
        assertThat(file).noneMatch(line -> line.startsWith("Looked at"));
        visitTheBrowserAndComeBack("Sightline. " + BACK);
        // The last answer was about notice.png: the description of the browser's window says what it looked at.
        List<String> window = app.pressUntilStart("Ctrl+Shift+W", "Mostly ", "ctrl+shift+w");
        assertThat(window.get(0)).isEqualTo("Looked at window Riverside Library.");
        assertThat(window.get(1)).isEqualTo(
                "No description model is installed, so here is a summary of the text and layout.");
        app.writeTranscript("window-after-file");
    }

    @Test
    @Order(7)
    void comingBackRightAfterOpeningAFileIsSpoken() throws Exception {
        typeTheNoticeIntoTheOpenDialog();
        // The window manager here leaves the keyboard nowhere when the dialog closes, so the user's own return
        // is the first focus Sightline gets after the dialog: it used to pass for the window manager's hand-back.
        app.pressAndGoOn("Enter", "Open an image closed. " + BACK, "Return");
        List<String> back = visitTheBrowserAndComeBack("Sightline. " + BACK);
        assertThat(back).endsWith("Sightline. " + BACK);
        app.waitForQuiet();
        app.writeTranscript("back-right-after-a-file");
    }

    /** Ctrl+O and the path of a photographed notice, typed into the dialog; Enter is the journey's next step. */
    private static void typeTheNoticeIntoTheOpenDialog() throws Exception {
        java.nio.file.Path notice = JourneyPage.writeNotice(dir);
        app.press("Ctrl+O", "Open an image, dialog. Image file, edit text, empty", "ctrl+o");
        JourneyDesktop.type(notice.toString());
        app.waitForQuiet();
    }

    /** What a low-vision user sees of browse mode in Sightline's window, in scene coordinates. */
    private record BrowseLayout(String status, double statusHeight, double transcriptHeight, String outlinedText,
                                double outlineWidth, javafx.geometry.Bounds outlined, javafx.geometry.Bounds list,
                                javafx.geometry.Bounds window) {

        static BrowseLayout now() {
            var view = app.shell().view();
            var cell = view.browseElements().outlined().orElseThrow(
                    () -> new AssertionError("no element is outlined"));
            var border = cell.getBorder();
            double width = border == null || border.getStrokes().isEmpty() ? 0
                    : border.getStrokes().get(0).getWidths().getTop();
            var scene = view.root().getScene();
            return new BrowseLayout(view.statusLine().getText(), view.statusLine().getHeight(),
                    view.transcriptArea().getHeight(), cell.getText(), width,
                    cell.localToScene(cell.getLayoutBounds()),
                    view.browseElements().list().localToScene(view.browseElements().list().getLayoutBounds()),
                    new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
        }
    }
}
