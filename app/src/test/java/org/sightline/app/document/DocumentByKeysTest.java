package org.sightline.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.settings.SettingsStore;
import org.sightline.app.shell.AppServices;
import org.sightline.app.shell.DesktopShell;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.task.ThreadPoolTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, wired as {@code ./sightline} wires it, reading PDFs by keys alone: what a blind user hears
 * when opening a document, moving through it, going to a page, finding, saving, leaving, and when the file is
 * locked or not a PDF at all; what the transcript keeps of the pages heard; and what a file dropped on the window
 * says. Paths are put into the dialogs' fields directly; every other step is a key, or a drop delivered through
 * the scene's event path as a file manager's drag would arrive.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentByKeysTest {

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
    void aPdfIsReadPageByPageByKeys(FxRobot robot) throws Exception {
        Path report = TestDocuments.report(dir);
        awaitSpoken("Sightline ready. Press F1 to hear every key.");

        open(robot, report);
        awaitSpokenStarting("Document, report.pdf, 3 pages. Page Down for the next page");
        awaitSpokenStarting("Annual Report\n\nThe year began quietly.");
        assertThat(transcript()).contains("Document, report.pdf, 3 pages.");
        awaitAllRead();

        keys(robot, "Page 2 of 3", KeyCode.PAGE_DOWN);
        awaitSpoken("Staff, heading level 2");
        keys(robot, "No next heading.", KeyCode.H);
        keys(robot, "Page 1 of 3", KeyCode.SHIFT, KeyCode.H);
        awaitSpoken("Costs, heading level 2");
        // Letters are the mode's keys: none reached the question field.
        assertThat(shell.view().questionField().getText()).isEmpty();
        keys(robot, "Annual Report, heading level 1", KeyCode.CONTROL, KeyCode.HOME);
        keys(robot, "The year began quietly.", KeyCode.DOWN);
        keys(robot, "Page 3 of 3", KeyCode.CONTROL, KeyCode.END);
        keys(robot, "No next table.", KeyCode.T);

        keys(robot, "Go to page, dialog. Page number, from 1 to 3, edit text, empty", KeyCode.CONTROL, KeyCode.G);
        robot.push(KeyCode.DIGIT2);
        keys(robot, "Page 2 of 3", KeyCode.ENTER);

        keys(robot, "Find in the document, dialog. Text to find, edit text, empty", KeyCode.CONTROL, KeyCode.F);
        fill(robot, "4471");
        keys(robot, "Found on page 2, line 3: Invoice number 4471 is paid.", KeyCode.ENTER);
        keys(robot, "Found on page 2, line 3: Invoice number 4471 is paid.", KeyCode.F3);
        assertThat(shell.view().root().lookup("#documentLine").getAccessibleText())
                .isEqualTo("Found on page 2, line 3: Invoice number 4471 is paid.");

        Path copy = dir.resolve("report.md");
        keys(robot, "Save as accessible document, dialog. File to write: ending in .md for Markdown or .html for a "
                + "web page, edit text, " + copy, KeyCode.CONTROL, KeyCode.S);
        keys(robot, "Saved 3 pages as Markdown to " + copy + ".", KeyCode.ENTER);
        assertThat(Files.readString(copy)).contains("# Annual Report", "Invoice number 4471 is paid.");

        // The same save is a button in the window, for those who look for it there.
        assertThat(shell.view().root().lookup("#saveDocument").getAccessibleText())
                .isEqualTo("Save as accessible document");
        keys(robot, "Left the document report.pdf.", KeyCode.ESCAPE);
        assertThat(shell.documents().reading()).isEmpty();
        assertThat(shell.view().root().lookup("#documentLine")).isNull();
        assertThat(shell.view().root().lookup("#saveDocument")).isNull();
        // The window's keys are back: a letter goes into the question again.
        robot.push(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.view().questionField().getText()).isEqualTo("h");
    }

    @Test
    void tablesAreFoundByTAndReadRowByRowByKeys(FxRobot robot) throws Exception {
        Path tables = TestDocuments.tables(dir);
        awaitSpoken("Sightline ready. Press F1 to hear every key.");

        open(robot, tables);
        awaitSpokenStarting("The kitchen sells a few things at cost.\n\nRow 1: Item; Price; Stock");
        awaitAllRead();

        keys(robot, "Table, 4 rows, 3 columns. Row 1: Item; Price; Stock", KeyCode.T);
        keys(robot, "Row 2: Item, Tea; Price, 4.50; Stock, 12", KeyCode.DOWN);
        keys(robot, "Row 3: Item, Coffee; Price, 3.20; Stock, 7", KeyCode.DOWN);
        keys(robot, "Page 2 of 2", KeyCode.T);
        awaitSpoken("Table, 3 rows, 3 columns. Row 1: Monday; Swimming; 7:00");
        keys(robot, "Row 2: Tuesday; Running; 6:30", KeyCode.DOWN);
        keys(robot, "No next table.", KeyCode.T);
        // Shift+T from inside a table goes to its start first, then to the table before.
        keys(robot, "Table, 3 rows, 3 columns. Row 1: Monday; Swimming; 7:00", KeyCode.SHIFT, KeyCode.T);
        keys(robot, "Page 1 of 2", KeyCode.SHIFT, KeyCode.T);
        awaitSpoken("Table, 4 rows, 3 columns. Row 1: Item; Price; Stock");
        assertThat(shell.view().root().lookup("#documentLine").getAccessibleText())
                .isEqualTo("Page 1 of 2: Table, 4 rows, 3 columns. Row 1: Item; Price; Stock");

        Path copy = dir.resolve("tables.html");
        keys(robot, "Save as accessible document, dialog. File to write: ending in .md for Markdown or .html for a "
                + "web page, edit text, " + dir.resolve("tables.md"), KeyCode.CONTROL, KeyCode.S);
        fill(robot, copy.toString());
        keys(robot, "Saved 2 pages as a web page to " + copy + ".", KeyCode.ENTER);
        assertThat(Files.readString(copy)).contains("<caption>Table, 4 rows, 3 columns</caption>",
                "<th scope=\"col\">Price</th>", "<td>Coffee</td><td>3.20</td><td>7</td>");
        keys(robot, "Left the document tables.pdf.", KeyCode.ESCAPE);
    }

    @Test
    void aLockedPdfAsksForThePasswordAndAFalseOneIsSaidOnce(FxRobot robot) throws Exception {
        Path locked = TestDocuments.locked(dir, "tulip");
        awaitSpoken("Sightline ready. Press F1 to hear every key.");

        open(robot, locked);
        awaitSpoken("Password, dialog. Password for locked.pdf, password text, empty");
        fill(robot, "rose");
        keys(robot, "Password, dialog. That password is not right. Type it again, or press Escape. "
                + "Password for locked.pdf, password text, empty", KeyCode.ENTER);
        keys(robot, "Not opened: locked.pdf needs its password.", KeyCode.ESCAPE);

        open(robot, locked);
        awaitSpoken("Password, dialog. Password for locked.pdf, password text, empty");
        fill(robot, "tulip");
        keys(robot, "The locked letter is read.", KeyCode.ENTER);
        awaitAllRead();
        keys(robot, "Left the document locked.pdf.", KeyCode.ESCAPE);

        Path fake = Files.writeString(dir.resolve("notes.pdf"), "Shopping: tea, milk.");
        open(robot, fake);
        String notPdf = fake + " is not a PDF: it is named like one but does not start like one.";
        awaitSpoken(notPdf);
        assertThat(transcript()).contains(notPdf);
        assertThat(shell.documents().reading()).isEmpty();
    }

    @Test
    void thePagesHeardAreKeptInTheTranscriptOnePerPage(FxRobot robot) throws Exception {
        Path report = TestDocuments.report(dir);
        awaitSpoken("Sightline ready. Press F1 to hear every key.");

        open(robot, report);
        awaitAllRead();
        keys(robot, "Page 2 of 3", KeyCode.PAGE_DOWN);
        keys(robot, "Four people joined.", KeyCode.DOWN);
        keys(robot, "Page 1 of 3", KeyCode.PAGE_UP);
        keys(robot, "Page 2 of 3", KeyCode.PAGE_DOWN);

        String page1 = "Looked at: report.pdf, page 1 of 3\nSightline: Annual Report\nThe year began quietly. Sales "
                + "rose in spring.\nCosts\nRent went up.\n";
        String page2 = "Looked at: report.pdf, page 2 of 3\nSightline: Staff\nFour people joined.\nInvoice number "
                + "4471 is paid.\n";
        String transcript = transcript();
        assertThat(transcript).containsSubsequence("Document, report.pdf, 3 pages.", page1, page2);
        // Coming back to a page adds nothing; a page never reached is not there.
        assertThat(transcript.split("page 2 of 3", -1)).hasSize(2);
        assertThat(transcript).doesNotContain("page 3 of 3", "The end of the report.");
    }

    @Test
    void aDroppedPdfIsReadAndADroppedTextFileIsRefusedInOneSentence(FxRobot robot) throws Exception {
        Path report = TestDocuments.report(dir);
        awaitSpoken("Sightline ready. Press F1 to hear every key.");

        speech.clear();
        assertThat(drop(robot, report)).as("the drop is taken").isTrue();
        awaitSpokenStarting("Document, report.pdf, 3 pages. Page Down for the next page");
        awaitSpokenStarting("Annual Report\n\nThe year began quietly.");
        awaitAllRead();
        keys(robot, "Page 2 of 3", KeyCode.PAGE_DOWN);
        keys(robot, "Left the document report.pdf.", KeyCode.ESCAPE);

        Path notes = Files.writeString(dir.resolve("notes.txt"), "Shopping: tea, milk.");
        speech.clear();
        drop(robot, notes);
        // Not a document, so the window takes it for a picture, and says in one sentence that it is not one.
        String refused = notes + " is neither an image nor a document Sightline can open. Use a PDF, a TIFF, or a"
                + " PNG, JPEG, GIF or BMP image.";
        awaitSpoken(refused);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertThat(speech.spoken()).as("one sentence, nothing else").containsExactly(refused);
        assertThat(shell.documents().reading()).isEmpty();
        assertThat(transcript()).contains(refused);
    }

    /**
     * Drops {@code file} on the window as a file manager does: a drag over the window, which must accept a copy,
     * then the drop, with the file on the dragboard; returns whether the drop was completed.
     */
    private boolean drop(FxRobot robot, Path file) {
        Scene scene = shell.view().root().getScene();
        boolean[] accepted = new boolean[2];
        robot.interact(() -> {
            // The board a drag from another program brings, with its files readable as during a real drop.
            Dragboard board = DragboardHelper.createDragboard(new DraggedFiles(List.of(file.toFile())));
            DragboardHelper.setDataAccessRestriction(board, false);
            DragEvent over = dragEvent(DragEvent.DRAG_OVER, board, scene);
            Event.fireEvent(scene, over);
            accepted[0] = over.isAccepted();
            DragEvent dropped = dragEvent(DragEvent.DRAG_DROPPED, board, scene);
            Event.fireEvent(scene, dropped);
            accepted[1] = dropped.isDropCompleted();
        });
        assertThat(accepted[0]).as("the window accepts the drag of a file").isTrue();
        return accepted[1];
    }

    /**
     * What the toolkit's drag peer holds when files are dragged in from another program: the files, offered to
     * be copied or moved (a file manager's drag offers both).
     */
    private static final class DraggedFiles implements TKClipboard {

        private final List<File> files;

        DraggedFiles(List<File> files) {
            this.files = files;
        }

        @Override
        public void setSecurityContext(@SuppressWarnings("removal") AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            throw new UnsupportedOperationException("a drop is only read");
        }

        @Override
        public Object getContent(DataFormat format) {
            return DataFormat.FILES.equals(format) ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return DataFormat.FILES.equals(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY, TransferMode.MOVE);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

    private static DragEvent dragEvent(EventType<DragEvent> type, Dragboard board, Scene scene) {
        double x = scene.getWidth() / 2;
        double y = scene.getHeight() / 2;
        return new DragEvent(type, board, x, y, x, y, TransferMode.COPY, null, scene, null);
    }

    /** Ctrl+O, the path, Enter: as a user pastes a path into the open dialog. */
    private void open(FxRobot robot, Path file) {
        speech.clear();
        robot.push(KeyCode.CONTROL, KeyCode.O);
        awaitSpokenStarting("Open an image, dialog.");
        fill(robot, file.toString());
        robot.push(KeyCode.ENTER);
    }

    /** Puts {@code text} into the field of the dialog that is open, as a paste would. */
    private void fill(FxRobot robot, String text) {
        TextField field = robot.lookup("#documentPrompt").tryQueryAs(TextField.class)
                .or(() -> robot.lookup("#imagePath").tryQueryAs(TextField.class)).orElseThrow();
        robot.interact(() -> {
            field.setText(text);
            field.end();
        });
    }

    /** The reading runs on a worker: the keys below are about the whole document, so it must have been read. */
    private void awaitAllRead() {
        await(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return shell.documents().reading().map(mode -> !mode.isReading()).orElse(false);
        }, "every page read");
    }

    private void keys(FxRobot robot, String expected, KeyCode... keys) {
        speech.clear();
        robot.push(keys);
        awaitSpoken(expected);
    }

    private String transcript() {
        return shell.model().transcriptProperty().get();
    }

    private void awaitSpoken(String text) {
        await(() -> speech.spoken().contains(text), "speech: " + text);
    }

    private void awaitSpokenStarting(String text) {
        await(() -> speech.spoken().stream().anyMatch(s -> s.startsWith(text)), "speech starting: " + text);
    }

    /** Waits for {@code condition} on the JavaFX thread's heels; a failure lists what was said meanwhile. */
    private void await(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + "; spoken so far: " + speech.spoken(), e);
        }
    }
}
