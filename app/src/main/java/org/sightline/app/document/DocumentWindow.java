package org.sightline.app.document;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.sightline.app.AppText;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.TaskExecutor;
import org.sightline.task.TaskListener;
import org.sightline.vision.documents.PageRecogniser;

/**
 * The document mode in the main window: opens documents offered by Ctrl+O, "Open with" or a drop, passes the
 * mode's keys to its {@link DocumentViewModel} while a document is open (the other keys go on to the window),
 * asks in small dialogs for the page to go to, the text to find, a password and the file to save to, and shows
 * the line being read at the top of the window.
 */
public final class DocumentWindow {

    private final Window owner;
    private final SpeechOutput speech;
    private final TaskExecutor executor;
    private final Consumer<String> notice;
    private final Supplier<Pane> area;
    private final DocumentOpener opener;
    private final Label line = new Label();
    private final Button saveButton = new Button();
    private final HBox bar = new HBox(8, line, saveButton);
    private DocumentViewModel mode;
    private Path file;
    private String lastFind = "";

    /**
     * @param notice     shows a sentence in the transcript and speaks it
     * @param transcript writes a page the user reached into the transcript, without speaking it
     * @param area       the pane the line being read is shown at the top of
     */
    public DocumentWindow(Window owner, SpeechOutput speech, TaskExecutor executor, PageRecogniser ocr,
                          Consumer<String> notice, BiConsumer<String, String> transcript, Supplier<Pane> area) {
        this.owner = owner;
        this.speech = speech;
        this.executor = executor;
        this.notice = notice;
        this.area = area;
        this.opener = new DocumentOpener(executor, Platform::runLater, ocr, speech, notice, transcript,
                this::askPassword, () -> new ReadingProgress(speech, System::nanoTime, ReadingProgress.GAP_NANOS));
        line.setId("documentLine");
        line.setWrapText(true);
        line.setAccessibleRole(AccessibleRole.TEXT);
        line.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(line, Priority.ALWAYS);
        // The same as Ctrl+S, for those who look for it on the screen or reach it with Tab.
        saveButton.setId("saveDocument");
        saveButton.setMnemonicParsing(false);
        saveButton.setAccessibleRole(AccessibleRole.BUTTON);
        saveButton.setOnAction(e -> {
            if (mode != null) {
                save();
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
    }

    /**
     * Opens {@code path} when it is a document and returns true; false for anything else (an image), which then
     * takes the place of the document open before: the mode ends without a word, the image's answer follows.
     */
    public boolean offer(Path path) {
        if (!DocumentOpener.isDocument(path)) {
            if (mode != null) {
                mode.discard();
                leave();
            }
            return false;
        }
        opener.open(path, entered -> {
            if (mode != null) {
                mode.discard();
            }
            mode = entered;
            file = path;
            show();
        });
        return true;
    }

    /** The reading mode while a document is open; for tests. */
    public Optional<DocumentViewModel> reading() {
        return Optional.ofNullable(mode);
    }

    /**
     * A key pressed in the window: true when the document mode used it (and consumed it). Without a document
     * open, every key goes on to the window.
     */
    public boolean handleKey(KeyEvent e) {
        if (mode == null || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        boolean used = e.isShortcutDown() ? commandKey(e) : readingKey(e);
        if (used) {
            e.consume();
        }
        return used;
    }

    /** A typed character: while a document is open, letters are its keys and never land in the question. */
    public boolean handleTyped(KeyEvent e) {
        if (mode == null || e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        e.consume();
        return true;
    }

    private boolean commandKey(KeyEvent e) {
        if (e.isShiftDown()) {
            return false;
        }
        switch (e.getCode()) {
            case HOME -> mode.key(DocumentViewModel.Key.FIRST, false);
            case END -> mode.key(DocumentViewModel.Key.LAST, false);
            case G -> new TextPrompt(DocumentText.get("document.goTo.title"),
                    DocumentText.get("document.goTo.label", mode.pageCount())).ask(owner).ifPresent(mode::goToPage);
            case F -> new TextPrompt(DocumentText.get("document.find.title"), DocumentText.get("document.find.label"))
                    .text(lastFind).ask(owner).ifPresent(this::find);
            case S -> save();
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean readingKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F3) {
            mode.find(lastFind);
            return true;
        }
        DocumentViewModel.Key key = switch (e.getCode()) {
            case DOWN -> DocumentViewModel.Key.DOWN;
            case UP -> DocumentViewModel.Key.UP;
            case PAGE_DOWN -> DocumentViewModel.Key.PAGE_DOWN;
            case PAGE_UP -> DocumentViewModel.Key.PAGE_UP;
            case H -> DocumentViewModel.Key.H;
            case T -> DocumentViewModel.Key.T;
            case ESCAPE -> DocumentViewModel.Key.ESCAPE;
            default -> null;
        };
        if (key == null) {
            return false;
        }
        if (mode.key(key, e.isShiftDown()) == DocumentViewModel.Outcome.LEFT) {
            leave();
        }
        return true;
    }

    private void leave() {
        mode = null;
        area.get().getChildren().remove(bar);
    }

    private void find(String text) {
        lastFind = text;
        mode.find(text);
    }

    /** Ctrl+S: asks where, then writes the copy off the user-interface thread and says where it went. */
    private void save() {
        DocumentViewModel saving = mode;
        Optional<String> where = new TextPrompt(DocumentText.get("save.title"), DocumentText.get("save.label"))
                .text(AccessibleCopy.suggested(file).toString()).ask(owner);
        if (where.isEmpty() || where.get().isBlank()) {
            return;
        }
        Path target = Path.of(where.get().strip());
        executor.submit(context -> AccessibleCopy.save(saving.document(), saving.name(), target), new TaskListener<>() {
            @Override
            public void succeeded(String sentence) {
                notice.accept(sentence);
            }

            @Override
            public void failed(Throwable error) {
                notice.accept(AppText.userMessage(error));
            }
        });
    }

    private Optional<String> askPassword(String name, String problem) {
        return new TextPrompt(DocumentText.get("password.title"), DocumentText.get("password.label", name))
                .problem(problem).secret().ask(owner);
    }

    /** The line being read, at the top of the window, for low-vision users following along. */
    private void show() {
        line.textProperty().bind(mode.shownProperty());
        line.accessibleTextProperty().bind(mode.shownProperty());
        saveButton.setText(DocumentText.get("save.title") + "  Ctrl+S");
        saveButton.setAccessibleText(DocumentText.get("save.title"));
        Pane pane = area.get();
        if (!pane.getChildren().contains(bar)) {
            pane.getChildren().add(0, bar);
        }
    }

    /**
     * Files dropped on the window: a document opens here, anything else goes to {@code images}. A path dropped
     * as text (from a terminal or a file manager that gives text) counts as well.
     */
    public void acceptDrops(Scene scene, Consumer<Path> images) {
        scene.setOnDragOver(e -> {
            if (dropped(e.getDragboard()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Optional<Path> path = dropped(e.getDragboard());
            path.filter(p -> !offer(p)).ifPresent(images);
            e.setDropCompleted(path.isPresent());
            e.consume();
        });
    }

    static Optional<Path> dropped(Dragboard board) {
        if (board.hasFiles() && !board.getFiles().isEmpty()) {
            return Optional.of(board.getFiles().get(0).toPath());
        }
        return board.hasString() ? pathIn(board.getString()) : Optional.empty();
    }

    /** The path in dropped text: a plain path, or a file: URI as file managers give them. */
    static Optional<Path> pathIn(String text) {
        String t = text == null ? "" : text.strip();
        int end = t.indexOf('\n');
        t = (end < 0 ? t : t.substring(0, end)).strip();
        try {
            if (t.startsWith("file:")) {
                return Optional.of(new File(URI.create(t)).toPath());
            }
            Path path = Path.of(t.startsWith("~/") ? System.getProperty("user.home") + t.substring(1) : t);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
