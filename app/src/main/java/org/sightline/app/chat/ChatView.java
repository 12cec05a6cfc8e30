package org.sightline.app.chat;

import java.util.Optional;
import org.sightline.app.browse.BrowseViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sightline.app.AppText;
import org.sightline.speech.SpeechOutput;

/**
 * Lays out the main window and maps keys to the view model. Visual order is tab order: transcript, question,
 * Ask, the action buttons. Every control carries an accessible name and help, which NVDA, JAWS and VoiceOver
 * read and which self-voicing speaks on Linux. After every action the focus goes back to the question field.
 */
public final class ChatView {

    private final ChatViewModel model;
    private final Runnable openSettings;
    private final Runnable openModels;
    private final Runnable openSetup;
    private final Supplier<Optional<Path>> askForImageFile;
    private final SpeechOutput speech;
    private final VBox root;
    private final TextArea transcript;
    private final TextField question;
    private final Label status;
    private final BrowseElementsView elements;
    /** About eight lines of the transcript's text: it stays readable while browse mode shows its elements. */
    private static final double TRANSCRIPT_MIN_HEIGHT = 180;
    private final Map<ChatAction, KeyCombination> keys = new EnumMap<>(ChatAction.class);
    /** While Ctrl+Up or Ctrl+Down moves the caret: the block is spoken whole, not its first line. */
    private boolean movingByBlock;
    private int lastSpokenLine = -1;
    /** Whether the text area holds the model's transcript, so that an edit can be applied to it. */
    private boolean transcriptSynced;

    /**
     * @param openSettings    shows the settings screen (modal; returns when it closes)
     * @param openModels      shows the model manager (modal; returns when it closes)
     * @param openSetup       replays the first-run setup in its own window
     * @param askForImageFile asks which image file to open (modal); empty when the user cancelled
     * @param speech          speaks transcript lines as the caret moves through them, when {@code voiceLines}
     */
    public ChatView(ChatViewModel model, Runnable openSettings, Runnable openModels, Runnable openSetup,
                    Supplier<Optional<Path>> askForImageFile,
                    SpeechOutput speech, java.util.function.BooleanSupplier voiceLines) {
        this.model = model;
        this.openSettings = openSettings;
        this.openModels = openModels;
        this.openSetup = openSetup;
        this.askForImageFile = askForImageFile;
        this.speech = speech;
        for (ChatAction a : ChatAction.values()) {
            if (a != ChatAction.ASK) {
                keys.put(a, KeyCombination.valueOf(a.key()));
            }
        }

        Label transcriptLabel = new Label(AppText.get("chat.transcript"));
        transcript = new TextArea();
        transcript.setId("transcript");
        transcript.setEditable(false);
        transcript.setWrapText(true);
        transcript.setAccessibleText(AppText.get("chat.transcript"));
        transcript.setAccessibleHelp(AppText.get("chat.transcript.help"));
        transcript.setAccessibleRole(AccessibleRole.TEXT_AREA);
        transcriptLabel.setLabelFor(transcript);
        VBox.setVgrow(transcript, Priority.ALWAYS);
        model.onTranscriptEdit(edit -> {
            boolean reading = transcript.isFocused();
            int caret = transcript.getCaretPosition();
            // A streamed answer is appended where it grows; anything else, or a view that missed the start,
            // takes the whole text.
            if (transcriptSynced && (edit.start() > 0 || edit.end() < transcript.getLength())) {
                transcript.replaceText(edit.start(), edit.end(), edit.text());
            } else {
                transcript.setText(model.transcriptProperty().get());
                transcriptSynced = true;
            }
            int length = transcript.getLength();
            // Keep the reader's place while they review; otherwise follow the newest answer.
            if (reading) {
                transcript.positionCaret(Math.min(caret, length));
            } else {
                transcript.positionCaret(length);
                // The new text is laid out on the next pulse; scrolling before that stops short of the end.
                Platform.runLater(() -> transcript.setScrollTop(Double.MAX_VALUE));
            }
        });
        transcript.caretPositionProperty().addListener((obs, old, pos) -> {
            if (transcript.isFocused() && voiceLines.getAsBoolean() && !movingByBlock) {
                speakLineAt(pos.intValue());
            }
        });
        transcript.focusedProperty().addListener((obs, was, is) -> lastSpokenLine = -1);
        // Ctrl+Down and Ctrl+Up move block by block (a turn, a block of text read from a page).
        transcript.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isShiftDown() && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP)) {
                e.consume();
                String text = transcript.getText();
                int caret = transcript.getCaretPosition();
                int to = e.getCode() == KeyCode.DOWN ? TranscriptBlocks.next(text, caret)
                        : TranscriptBlocks.previous(text, caret);
                // The whole block is read, not only its first line.
                movingByBlock = true;
                try {
                    transcript.positionCaret(to);
                } finally {
                    movingByBlock = false;
                }
                lastSpokenLine = -1;
                if (voiceLines.getAsBoolean()) {
                    String block = TranscriptBlocks.blockAt(text, to);
                    speech.speak(block.isEmpty() ? AppText.get("state.blankLine") : block,
                            org.sightline.speech.Priority.NOW);
                }
            }
        });

        Label questionLabel = new Label(AppText.get("chat.question"));
        question = new TextField();
        question.setId("question");
        question.setPromptText(AppText.get("chat.question.prompt"));
        question.setAccessibleText(AppText.get("chat.question"));
        question.setAccessibleHelp(AppText.get("chat.question.help"));
        question.setAccessibleRole(AccessibleRole.TEXT_FIELD);
        questionLabel.setLabelFor(question);
        HBox.setHgrow(question, Priority.ALWAYS);
        question.setOnAction(e -> {
            String text = question.getText();
            question.clear();
            model.ask(text);
            returnFocus();
        });
        Button ask = button("ask", ChatAction.ASK, () -> {
            String text = question.getText();
            question.clear();
            model.ask(text);
        });
        HBox questionRow = new HBox(8, questionLabel, question, ask);
        questionRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        FlowPane actions = new FlowPane(6, 6);
        actions.setId("actions");
        for (ChatAction a : ChatAction.values()) {
            if (a != ChatAction.ASK) {
                actions.getChildren().add(button(a.name().toLowerCase(java.util.Locale.ROOT), a, () -> perform(a)));
            }
        }

        status = new Label();
        status.setId("status");
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> firstLine(model.statusProperty().get()), model.statusProperty()));
        status.accessibleTextProperty().bind(model.statusProperty());
        status.setAccessibleRole(AccessibleRole.TEXT);

        // One line, whatever the model puts there: a long text belongs to the transcript, which keeps the room.
        status.setWrapText(false);
        transcript.setMinHeight(TRANSCRIPT_MIN_HEIGHT);
        elements = new BrowseElementsView(model);

        root = new VBox(8, transcriptLabel, transcript, elements.root(), questionRow, actions, status);
        root.setPadding(new Insets(12));
        // Large, plain text for low-vision users; the rest follows the platform theme.
        root.setStyle("-fx-font-size: 15px;");
    }

    private Button button(String id, ChatAction action, Runnable run) {
        String name = AppText.get(action.messageKey());
        Button b = new Button(action == ChatAction.ASK ? name : name + "  " + action.keyForPeople());
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setAccessibleText(name);
        b.setAccessibleHelp(AppText.get(action.helpKey()) + " " + AppText.get("chat.key", action.keyForPeople()));
        b.setAccessibleRole(AccessibleRole.BUTTON);
        b.setOnAction(e -> {
            run.run();
            returnFocus();
        });
        return b;
    }

    public Parent root() {
        return root;
    }

    /** The first line of {@code text}: the status line shows one line, the transcript holds the rest. */
    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Browse mode's element list, with the element it is on outlined; for tests. */
    public BrowseElementsView browseElements() {
        return elements;
    }

    /** The status line; for tests. */
    public Label statusLine() {
        return status;
    }

    /** The transcript; for tests. */
    public TextArea transcriptArea() {
        return transcript;
    }

    public TextField questionField() {
        return question;
    }

    /**
     * The window's key handler, installed by the shell as a scene event filter so that keys work whichever
     * control has the focus. Escape cancels the running task and stops speech.
     */
    public void handleKey(KeyEvent e) {
        Optional<BrowseViewModel> browse = model.browsing();
        if (browse.isPresent() && e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            if (browse.get().key(BrowseViewModel.Key.ESCAPE, false) == BrowseViewModel.Outcome.LEFT_BROWSE_MODE) {
                model.leaveBrowse();
            }
            model.showBrowsePosition();
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            model.cancel();
            returnFocus();
            return;
        }
        for (Map.Entry<ChatAction, KeyCombination> k : keys.entrySet()) {
            if (k.getValue().match(e)) {
                if (k.getKey() == ChatAction.PASTE_IMAGE && question.isFocused()
                        && !Clipboard.getSystemClipboard().hasImage()) {
                    return; // an ordinary text paste into the question
                }
                e.consume();
                perform(k.getKey());
                returnFocus();
                return;
            }
        }
        if (browse.isPresent() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
            Optional<BrowseViewModel.Key> key = BrowseViewModel.Key.of(e.getCode().name());
            if (key.isPresent()) {
                BrowseViewModel.Outcome outcome = browse.get().key(key.get(), e.isShiftDown());
                if (outcome != BrowseViewModel.Outcome.IGNORED && outcome != BrowseViewModel.Outcome.LEFT_AND_PASSED) {
                    e.consume();
                }
                if (outcome == BrowseViewModel.Outcome.LEFT_BROWSE_MODE
                        || outcome == BrowseViewModel.Outcome.LEFT_AND_PASSED) {
                    model.leaveBrowse();
                }
                model.showBrowsePosition();
            }
        }
    }

    /**
     * Typed characters: in browse mode they are the text for a field when typing was offered, and never land
     * in the question field (H, K, B ... are browse keys there) — except while browse mode only waits for the
     * confirmation of a chat request: then typing cancels it, and the letters are the user's next question.
     */
    public void handleTyped(KeyEvent e) {
        Optional<BrowseViewModel> browse = model.browsing();
        if (browse.isEmpty() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        if (browse.get().typed(e.getCharacter()) == BrowseViewModel.Outcome.LEFT_AND_PASSED) {
            model.leaveBrowse();
            return;
        }
        e.consume();
    }

    /** Runs one action as its key or button would. */
    public void perform(ChatAction action) {
        switch (action) {
            case DESCRIBE_SCREEN -> model.describeScreen();
            case DESCRIBE_WINDOW -> model.describePreviousWindow();
            case DESCRIBE_REGION -> model.describeRegion();
            case READ_TEXT -> model.readText(null);
            case BROWSE -> model.browse(null);
            case CAMERA -> model.cameraSnapshot();
            case OPEN_IMAGE -> askForImageFile.get().ifPresent(model::openImage);
            case PASTE_IMAGE -> model.pasteImage(clipboardImage());
            case STOP -> model.stopSpeaking();
            case REPEAT -> model.repeatLastAnswer();
            case COPY -> model.copyLastAnswer();
            case HELP -> model.help();
            case SETTINGS -> openSettings.run();
            case MODELS -> openModels.run();
            case SETUP -> openSetup.run();
            case ASK -> {
                String text = question.getText();
                question.clear();
                model.ask(text);
            }
        }
    }

    private static BufferedImage clipboardImage() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasImage() ? SwingFXUtils.fromFXImage(clipboard.getImage(), null) : null;
    }

    /** Puts text on the system clipboard; the view model's copy action goes through here. */
    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public void returnFocus() {
        Platform.runLater(question::requestFocus);
        question.requestFocus();
    }

    private void speakLineAt(int caret) {
        String text = transcript.getText();
        int start = text.lastIndexOf('\n', Math.max(0, caret - 1)) + 1;
        if (caret == 0) {
            start = 0;
        }
        int line = 0;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        if (line == lastSpokenLine) {
            return;
        }
        lastSpokenLine = line;
        int end = text.indexOf('\n', start);
        String lineText = text.substring(start, end < 0 ? text.length() : end).strip();
        speech.speak(lineText.isEmpty() ? AppText.get("state.blankLine") : lineText,
                org.sightline.speech.Priority.NOW);
    }
}
