package org.sightline.app.chat;

import java.util.Optional;
import org.sightline.app.browse.BrowseViewModel;
import org.sightline.app.browse.ElementRequests;
import org.sightline.app.browse.ElementWords;
import org.sightline.app.browse.RequestAnswer;
import org.sightline.app.browse.ScreenActions;
import org.sightline.vision.elements.ElementMap;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import org.sightline.app.AppText;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.DescribeRequest;
import org.sightline.app.assistant.ImageSources;
import org.sightline.app.assistant.WindowRef;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.app.hotkeys.HotkeyBindings;
import org.sightline.app.settings.Settings;
import org.sightline.app.voice.ProgressAnnouncer;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.speech.SpeechStream;
import org.sightline.task.Progress;
import org.sightline.task.Task;
import org.sightline.task.TaskContext;
import org.sightline.task.TaskExecutor;
import org.sightline.task.TaskHandle;
import org.sightline.task.TaskListener;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.image.BlankImage;
import org.sightline.vision.image.ImageStats;
import org.sightline.vision.summary.TextQuestions;

/**
 * What the main window does, without any JavaFX scene: each action becomes a task on the executor, its
 * progress and answer are shown in the transcript and spoken, Escape cancels it. One task runs at a time;
 * the same key pressed again while its task runs is ignored (with a word to say so), another key replaces
 * the running task, because a new request makes the old answer stale.
 *
 * <p>All methods are called on the user-interface thread; the executor calls back on it too. An answer's text
 * goes from the worker thread that writes it straight into one speech stream, which speaks each sentence as
 * soon as it is complete; the user-interface thread only appends the text to the transcript.
 */
public final class ChatViewModel {

    private static final System.Logger LOG = System.getLogger(ChatViewModel.class.getName());

    private final Assistant assistant;
    private final SpeechOutput speech;
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Supplier<Settings> settings;
    private final Consumer<String> clipboard;
    private final ProgressAnnouncer progressAnnouncer;

    private final List<Turn> turns = new ArrayList<>();
    /** The transcript as shown; rebuilt when turns change, appended to while an answer streams. */
    private final StringBuilder transcriptText = new StringBuilder();
    private final StringBinding transcript = new StringBinding() {
        @Override
        protected String computeValue() {
            return transcriptText.toString();
        }
    };
    private final List<Consumer<TranscriptEdit>> transcriptEdits = new ArrayList<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private Running running;
    private Capture lastCapture;
    private final List<DescribeRequest.Exchange> exchangesAboutLastCapture = new ArrayList<>();
    private String lastAnswer;

    /**
     * One change to the transcript's text: {@code text} replaces the characters from {@code start} to
     * {@code end}. A streamed answer gives insertions at the end of its line; anything else replaces it all.
     */
    public record TranscriptEdit(int start, int end, String text) {
    }

    /** The task in flight, with the key that started it; callbacks from any other request are stale. */
    private static final class Running {
        final ChatAction action;
        final Turn turn;
        TaskHandle<?> handle;
        /** The answer's speech, fed on the worker thread; opened by the first piece. Guarded by this. */
        private SpeechStream speech;
        /** False once the request is cancelled, replaced, failed or silenced: its text is no longer spoken. */
        private boolean live = true;
        /** Whitespace at the end of the answer so far, shown only once more text follows (user-interface thread). */
        final StringBuilder heldSpace = new StringBuilder();
        /** Whether the answer so far shows any text (user-interface thread). */
        boolean anyShown;

        Running(ChatAction action, Turn turn) {
            this.action = action;
            this.turn = turn;
        }

        /** Said before the answer when it is about another picture than the one the user last heard about. */
        private String about;

        synchronized void about(String line) {
            about = line;
        }

        /** What was looked at, when it must be said before the answer; null otherwise. */
        synchronized String about() {
            return about;
        }

        /** {@code text} as it is spoken in one piece: after what was looked at, when that must be said. */
        synchronized String withAbout(String text) {
            return about == null ? text : about + " " + text;
        }

        /** On the worker thread: the piece goes to the answer's one speech stream, opened with the first piece. */
        synchronized void speak(String piece, SpeechOutput output) {
            if (live) {
                if (speech == null) {
                    // The answer interrupts whatever was being said: a new answer makes old speech stale.
                    speech = output.openStream(Priority.NOW);
                    if (about != null) {
                        speech.append(about + " ");
                    }
                }
                speech.append(piece);
            }
        }

        /** On the worker thread, once the answer is complete: the last sentence is spoken too. */
        synchronized void finishSpeech() {
            if (live && speech != null) {
                speech.finish();
            }
        }

        /** Whether any of the answer went to speech while it was written. */
        synchronized boolean streamed() {
            return speech != null;
        }

        /** No more of this answer is spoken, whatever the worker still writes. */
        synchronized void silence() {
            live = false;
        }

        /**
         * The text that appending {@code piece} to the answer adds to what is shown, which is the answer with
         * its leading and trailing whitespace stripped.
         */
        String shownDelta(String piece) {
            String visible = piece.stripTrailing();
            if (visible.isEmpty()) {
                heldSpace.append(piece);
                return "";
            }
            String delta = anyShown ? heldSpace + visible : visible.stripLeading();
            heldSpace.setLength(0);
            heldSpace.append(piece, visible.length(), piece.length());
            anyShown = true;
            return delta;
        }
    }

    private record Answer(Capture capture, String text, ElementMap map, RequestAnswer request) {
        Answer(Capture capture, String text) {
            this(capture, text, null, null);
        }
    }

    /** What a task does with what it looked at. */
    private enum Mode { DESCRIBE, READ, BROWSE, REQUEST }

    private static final ElementMap NO_ELEMENTS = new ElementMap(List.of(), 0, 0, false);

    private Supplier<ScreenActions> screenActions = () -> null;
    private BrowseViewModel browse;

    /**
     * @param uiThread  runs streamed text on the user-interface thread ({@code Platform::runLater} in the app,
     *                  {@code Runnable::run} in tests)
     * @param clipboard puts text on the system clipboard
     */
    public ChatViewModel(Assistant assistant, SpeechOutput speech, TaskExecutor executor, Executor uiThread,
                         Supplier<Settings> settings, Consumer<String> clipboard, LongSupplier nanoClock) {
        this.assistant = Objects.requireNonNull(assistant);
        this.speech = Objects.requireNonNull(speech);
        this.executor = Objects.requireNonNull(executor);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.settings = Objects.requireNonNull(settings);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.progressAnnouncer = new ProgressAnnouncer(speech, nanoClock);
    }

    // ----- state the view binds to

    /** The whole conversation as plain text: selectable, copyable, readable line by line. */
    public ObservableStringValue transcriptProperty() {
        return transcript;
    }

    /** Tells {@code listener} each change to the transcript's text, in order, on the user-interface thread. */
    public void onTranscriptEdit(Consumer<TranscriptEdit> listener) {
        transcriptEdits.add(Objects.requireNonNull(listener));
    }

    /** One short line: ready, working 40 percent, done, cancelled, or the last error. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public List<Turn> turns() {
        return List.copyOf(turns);
    }

    public String lastAnswer() {
        return lastAnswer;
    }

    /** Puts earlier exchanges (from a previous run) at the top of the transcript. */
    public void restore(List<Turn> earlier) {
        turns.addAll(0, earlier);
        refresh();
    }

    // ----- things that are said, not asked

    /** Shows and speaks a notice that is not an answer ("Sightline ready", a damaged settings file). */
    public void announce(String text) {
        Turn turn = new Turn(null, null);
        turn.answer(text);
        turns.add(turn);
        refresh();
        status.set(text);
        speech.speak(text, Priority.NEXT);
    }

    /**
     * Writes what was read from {@code lookedAt} ("report.pdf, page 2 of 3") into the transcript as one block,
     * without speaking it: it has been spoken already, and is kept to be read again, selected and copied, as the
     * text read from an image is.
     */
    public void transcribe(String lookedAt, String text) {
        Turn turn = new Turn(null, Objects.requireNonNull(lookedAt));
        turn.answer(text);
        turns.add(turn);
        refresh();
    }

    // ----- actions that look at something

    public void describeScreen() {
        look(ChatAction.DESCRIBE_SCREEN, null, AppText.get("lookedAt.screen"),
                withoutSightline(ctx -> assistant.capture().captureScreen(ctx)), Mode.DESCRIBE);
    }

    /**
     * Moves Sightline's own window out of the way of a capture and back; the shell gives the real one, tests
     * and headless use keep it still.
     */
    public interface WindowSwitch {
        WindowSwitch NONE = new WindowSwitch() {
            @Override
            public void stepAside() {
            }

            @Override
            public void comeBack() {
            }
        };

        /** Puts Sightline behind the other windows; returns once that has happened. Called off the UI thread. */
        void stepAside();

        /** Brings Sightline back to the front with the focus. */
        void comeBack();

        /**
         * Whether Sightline's window is in front with the focus now (the key was pressed in it, not through a
         * global key from another program). Called on the UI thread.
         */
        default boolean inFront() {
            return false;
        }

        /**
         * Whether Sightline's own window covers the whole square of {@code size} pixels centred on the pointer.
         * Called on the UI thread.
         */
        default boolean coversRegionAroundPointer(int size) {
            return false;
        }
    }

    /**
     * A capture of the screen or of the region around the pointer leaves Sightline's own window out when the key
     * was pressed in it: the window steps aside for the capture. From another program (a global key) nothing
     * moves, and the focus stays there.
     */
    private Source withoutSightline(Source capture) {
        return windowSwitch.inFront() ? steppedAside(capture) : capture;
    }

    /** {@code capture} taken with Sightline's window stepped aside, and the window back afterwards. */
    private Source steppedAside(Source capture) {
        WindowSwitch sw = windowSwitch;
        return ctx -> {
            sw.stepAside();
            try {
                return capture.get(ctx);
            } finally {
                sw.comeBack();
            }
        };
    }

    private volatile WindowRef previousWindow = WindowRef.UNKNOWN;
    private volatile WindowSwitch windowSwitch = WindowSwitch.NONE;

    /** The window the user was in before coming to Sightline: what the window keys look at from here. */
    public void rememberPreviousWindow(WindowRef window) {
        previousWindow = Objects.requireNonNull(window);
    }

    /** The window the user came from, {@link WindowRef#UNKNOWN} when none is known: what the watch key watches here. */
    public WindowRef previousWindow() {
        return previousWindow;
    }

    public void useWindowSwitch(WindowSwitch windowSwitch) {
        this.windowSwitch = Objects.requireNonNull(windowSwitch);
    }

    /**
     * From a key in Sightline's window: the window the user came from, captured with Sightline stepped aside
     * so that its own window does not cover it.
     */
    private Capture capturePreviousWindow(TaskContext ctx) {
        WindowRef window = previousWindow;
        return ofWindow(window, steppedAside(c -> assistant.capture().captureActiveWindow(window, c))).get(ctx);
    }

    /** A capture and the window it was taken of. */
    private record CapturedWindow(Capture capture, WindowRef window) {
    }

    private volatile CapturedWindow capturedWindow = new CapturedWindow(null, WindowRef.UNKNOWN);
    private volatile WindowRef actionWindow = WindowRef.UNKNOWN;

    /** A capture of {@code window} as it is when the work starts, remembered as of that window. */
    private Source captureOf(WindowRef window) {
        return ofWindow(window, ctx -> assistant.capture().captureActiveWindow(window, ctx));
    }

    /** {@code capture} of {@code window}, remembered as such, so that acting on its elements brings it forward. */
    private Source ofWindow(WindowRef window, Source capture) {
        return ctx -> {
            Capture c = capture.get(ctx);
            capturedWindow = new CapturedWindow(c, window);
            return c;
        };
    }

    /**
     * The window that browse mode's elements were found in, to bring to the front before clicking or typing in it;
     * {@link WindowRef#UNKNOWN} when they came from the whole screen or a region.
     */
    public WindowRef actionWindow() {
        return actionWindow;
    }

    /** Describes the window the user was in before coming to Sightline's window. */
    public void describePreviousWindow() {
        WindowRef window = previousWindow;
        String what = window.isKnown() && !window.title().isBlank()
                ? AppText.get("lookedAt.windowNamed", window.title()) : AppText.get("lookedAt.window");
        look(ChatAction.DESCRIBE_WINDOW, null, what, this::capturePreviousWindow, Mode.DESCRIBE);
    }

    /** Describes the window remembered when the key was pressed. */
    public void describeActiveWindow(WindowRef window) {
        String what = window.isKnown() && !window.title().isBlank()
                ? AppText.get("lookedAt.windowNamed", window.title()) : AppText.get("lookedAt.window");
        look(ChatAction.DESCRIBE_WINDOW, null, what, captureOf(window), Mode.DESCRIBE);
    }

    /**
     * Describes the square around the pointer, with Sightline's own window stepped aside. When that square lies
     * wholly on Sightline's window in front, the user is pointing at Sightline itself: what lies hidden behind it is
     * not what they pointed at, so that is said instead of describing it.
     */
    public void describeRegion() {
        int size = settings.get().regionSize();
        String lookedAt = AppText.get("lookedAt.region", size);
        if (windowSwitch.inFront() && windowSwitch.coversRegionAroundPointer(size)) {
            answerAtOnce(ChatAction.DESCRIBE_REGION, lookedAt, AppText.get("region.allSightline",
                    ChatAction.DESCRIBE_WINDOW.keyForPeople()));
            return;
        }
        look(ChatAction.DESCRIBE_REGION, null, lookedAt, withoutSightline(ctx -> assistant.capture().captureRegionAroundPointer(size, ctx)), Mode.DESCRIBE);
    }

    /**
     * Reads the text of the image last looked at (a file just opened, a capture) or, when there is none, of the
     * window remembered at key-press time.
     */
    public void readText(WindowRef window) {
        Pending current = current();
        if (current != null && window == null) {
            look(ChatAction.READ_TEXT, null, current.lookedAt(), current.source(), Mode.READ);
        } else if (window == null) {
            look(ChatAction.READ_TEXT, null, AppText.get("lookedAt.window"), this::capturePreviousWindow, Mode.READ);
        } else {
            look(ChatAction.READ_TEXT, null, AppText.get("lookedAt.window"), captureOf(window), Mode.READ);
        }
    }

    /**
     * Browse mode: the headings, links, buttons and fields of the image last looked at or, when there is none,
     * of the window remembered at key-press time, walked with the keys of a screen reader's browse mode.
     */
    public void browse(WindowRef window) {
        Pending current = current();
        if (current != null && window == null) {
            look(ChatAction.BROWSE, null, current.lookedAt(), current.source(), Mode.BROWSE);
        } else if (window == null) {
            look(ChatAction.BROWSE, null, AppText.get("lookedAt.window"), this::capturePreviousWindow, Mode.BROWSE);
        } else {
            look(ChatAction.BROWSE, null, AppText.get("lookedAt.window"), captureOf(window), Mode.BROWSE);
        }
    }

    /** Where confirmed clicks and typing go; without it, browse mode says nothing can be clicked. */
    public void useScreenActions(Supplier<ScreenActions> actions) {
        this.screenActions = Objects.requireNonNull(actions);
    }

    /** Browse mode, while it is on. */
    public Optional<BrowseViewModel> browsing() {
        return Optional.ofNullable(browse);
    }

    /** Leaves browse mode; keys go back to the window. */
    public void leaveBrowse() {
        if (browse != null) {
            endBrowse();
            status.set(AppText.get("browse.left"));
        }
    }

    private final ObservableList<String> browseElements = FXCollections.observableArrayList();
    private final ObservableList<String> browseElementsView = FXCollections.unmodifiableObservableList(browseElements);
    private final ReadOnlyIntegerWrapper browsePosition = new ReadOnlyIntegerWrapper(-1);

    /** Browse mode's elements as they are spoken, for the window to show; empty while browse mode is off. */
    public ObservableList<String> browseElements() {
        return browseElementsView;
    }

    /** The position in {@link #browseElements} of the element browse mode is on, or -1. */
    public ReadOnlyIntegerProperty browsePositionProperty() {
        return browsePosition.getReadOnlyProperty();
    }

    /**
     * Shows where browse mode is after a key moved it: the element it is on, and in the status line the one
     * sentence a user coming back would hear (never the whole element list, which belongs to the transcript).
     */
    public void showBrowsePosition() {
        if (browse == null) {
            browsePosition.set(-1);
            return;
        }
        browsePosition.set(browse.position());
        status.set(browse.whereItIs());
    }

    private void endBrowse() {
        browse = null;
        browsePosition.set(-1);
        browseElements.clear();
    }

    /**
     * Where browse mode is, for a user coming back to the window ("Browse mode, 30 elements, on Sign in, link"),
     * or empty when it is off.
     */
    public String browseModeNow() {
        return browse == null ? "" : browse.whereItIs();
    }

    /** @param onlyToConfirm browse mode opens only to confirm an action a chat request proposed */
    private void enterBrowse(Capture capture, ElementMap map, boolean onlyToConfirm) {
        boolean clickable = capture.screenBounds() != null && map.onScreen();
        CapturedWindow of = capturedWindow;
        actionWindow = of.capture() == capture ? of.window() : WindowRef.UNKNOWN;
        BrowseViewModel[] entered = new BrowseViewModel[1];
        entered[0] = new BrowseViewModel(map, speech, clickable ? screenActions.get() : null, capture.screenBounds(),
                onlyToConfirm,
                outcome -> uiThread.execute(() -> afterAction(entered[0], outcome)));
        browse = entered[0];
        browseElements.setAll(map.elements().stream().map(ElementWords::spoken).toList());
        browsePosition.set(-1);
    }

    /**
     * An action was carried out: the screen has changed under the element list, so browse mode ends and says so
     * (after what the action's check said). A cancelled or failed action leaves browse mode as it was.
     */
    private void afterAction(BrowseViewModel acted, ScreenActions.Outcome outcome) {
        if (browse != acted || outcome == ScreenActions.Outcome.CANCELLED || outcome == ScreenActions.Outcome.FAILED) {
            return;
        }
        endBrowse();
        // The screen has changed: the next key looks at the window afresh, not at the picture from before.
        lastCapture = null;
        exchangesAboutLastCapture.clear();
        status.set(AppText.get("browse.left"));
        speech.speak(AppText.get("browse.endedAfterAction", ChatAction.BROWSE.keyForPeople()), Priority.NORMAL);
    }

    public void cameraSnapshot() {
        look(ChatAction.CAMERA, null, AppText.get("lookedAt.camera"), ctx -> assistant.capture().cameraSnapshot(ctx),
                Mode.DESCRIBE);
    }

    public void openImage(Path file) {
        Path name = file.getFileName();
        opening(name == null ? file.toString() : name.toString(), ctx -> ImageSources.fromFile(file));
        look(ChatAction.OPEN_IMAGE, null, pending.lookedAt(), pending.source(), Mode.DESCRIBE);
    }

    /** Describes an image taken from the clipboard; null when the clipboard held none. */
    public void pasteImage(BufferedImage image) {
        opening(AppText.get("lookedAt.clipboard"), ctx -> ImageSources.fromClipboard(image));
        look(ChatAction.PASTE_IMAGE, null, pending.lookedAt(), pending.source(), Mode.DESCRIBE);
    }

    /**
     * An image the user opened that is not loaded yet: a key pressed meanwhile (read, browse, a question) is about
     * it, not about the picture before, even when it cancels the loading description.
     */
    private record Pending(String lookedAt, Source source) {
    }

    private Pending pending;

    private void opening(String lookedAt, Source source) {
        pending = new Pending(lookedAt, source);
    }

    /** The picture a key is about: the one being opened, else the last one looked at; null when there is none. */
    private Pending current() {
        if (pending != null) {
            return pending;
        }
        Capture previous = lastCapture;
        return previous == null ? null : new Pending(previous.description(), ctx -> previous);
    }

    /**
     * A question typed by the user: a follow-up about the image last looked at, or, when there is none yet, a
     * question about the screen.
     */
    public void ask(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            say(AppText.get("ask.empty"));
            return;
        }
        Pending current = current();
        // Only the user's own words are parsed as requests ("click Sign in"); text on the screen never is.
        // A question for the text itself ("read the main heading") is the describer's, as on the command line,
        // which answers it from the recognised text when no description model is installed.
        Mode mode = !TextQuestions.asksForText(q) && ElementRequests.answer(q, NO_ELEMENTS).isPresent()
                ? Mode.REQUEST : Mode.DESCRIBE;
        if (current != null) {
            look(ChatAction.ASK, q, current.lookedAt(), current.source(), mode);
        } else if (previousWindow.isKnown()) {
            // Typed in Sightline's window about the program the user came from: that window, not Sightline's.
            look(ChatAction.ASK, q, AppText.get("lookedAt.window"), this::capturePreviousWindow, mode);
        } else {
            look(ChatAction.ASK, q, AppText.get("lookedAt.screen"),
                    withoutSightline(ctx -> assistant.capture().captureScreen(ctx)), mode);
        }
    }

    // ----- actions on speech and the transcript

    public void stopSpeaking() {
        if (running != null) {
            running.silence();
        }
        speech.stop();
        status.set(AppText.get("status.stopped"));
    }

    /** Escape: cancels the running task, at once as far as the user can tell, and silences speech. */
    public void cancel() {
        Running r = running;
        if (r != null) {
            r.silence();
        }
        speech.stop();
        if (r == null) {
            status.set(AppText.get("status.stopped"));
            return;
        }
        if (r.handle != null) {
            r.handle.cancel();
        }
        finishCancelled(r);
    }

    public void repeatLastAnswer() {
        if (lastAnswer == null) {
            say(AppText.get("repeat.nothing"));
        } else {
            speech.speak(lastAnswer, Priority.NOW);
        }
    }

    public void copyLastAnswer() {
        if (lastAnswer == null) {
            say(AppText.get("copy.nothing"));
            return;
        }
        clipboard.accept(lastAnswer);
        say(AppText.get("copy.done"));
    }

    /** Lists every key, in the window and system-wide, in the transcript and aloud. */
    public void help() {
        String text = helpText(settings.get());
        Turn turn = new Turn(AppText.get(ChatAction.HELP.messageKey()), null);
        turn.answer(text);
        turns.add(turn);
        refresh();
        speech.speak(text, Priority.NOW);
    }

    /** What the last answer the user heard was about ("notice.png", "window Riverside Library"); null before any. */
    private volatile String heardAbout;

    /**
     * On the worker thread, once the picture is captured: "Looked at notice.png." when a reading, a description,
     * browse mode or a request about an element is about another picture than the last answer was, and the key did
     * not name it itself (a file being opened when the read key was pressed, the window the user came from after a
     * file). Null when nothing need be said.
     */
    private String aboutLine(ChatAction action, Capture capture, String lookedAt) {
        boolean keyNamesIt = action == ChatAction.DESCRIBE_SCREEN || action == ChatAction.DESCRIBE_REGION
                || action == ChatAction.CAMERA || action == ChatAction.OPEN_IMAGE || action == ChatAction.PASTE_IMAGE;
        String before = heardAbout;
        String now = nameOf(capture, lookedAt);
        if (keyNamesIt || before == null || now == null || now.equals(before)) {
            return null;
        }
        return AppText.get("answer.about", now);
    }

    private static String nameOf(Capture capture, String lookedAt) {
        return capture != null && capture.description() != null && !capture.description().isBlank()
                ? capture.description() : lookedAt;
    }

    /** A request answered without looking at anything: its turn goes into the transcript and is spoken. */
    private void answerAtOnce(ChatAction action, String lookedAt, String text) {
        Turn turn = new Turn(AppText.get(action.messageKey()), lookedAt);
        turn.answer(text);
        turns.add(turn);
        refresh();
        lastAnswer = text;
        say(text);
    }

    static String helpText(Settings s) {
        StringBuilder sb = new StringBuilder(AppText.get("help.windowKeys")).append('\n');
        for (ChatAction a : ChatAction.values()) {
            sb.append(AppText.get("help.line", a.keyForPeople(), AppText.get(a.messageKey()))).append('\n');
        }
        sb.append(AppText.get("help.globalKeys")).append('\n');
        HotkeyBindings bindings = HotkeyBindings.from(s.hotkeys(), new ArrayList<>());
        for (GlobalHotkey h : GlobalHotkey.values()) {
            sb.append(AppText.get("help.line", bindings.chord(h), AppText.get(h.messageKey()))).append('\n');
        }
        sb.append(AppText.get("help.escape"));
        return sb.toString();
    }

    // ----- the task machinery

    private interface Source {
        Capture get(TaskContext context);
    }

    private void look(ChatAction action, String question, String lookedAt, Source source, Mode mode) {
        Running current = running;
        if (current != null && current.action == action) {
            speech.speak(AppText.get("busy.same", AppText.get(action.messageKey())), Priority.NEXT);
            return;
        }
        if (current != null) {
            current.silence();
            if (current.handle != null) {
                current.handle.cancel();
            }
            running = null;
            current.turn.answer(AppText.get("answer.replaced"));
        }
        speech.stop();
        Turn turn = new Turn(question == null ? AppText.get(action.messageKey()) : question, lookedAt);
        turns.add(turn);
        refresh();
        Running r = new Running(action, turn);
        running = r;
        busy.set(true);
        status.set(AppText.get("progress.working"));
        progressAnnouncer.reset();
        speech.play(Earcon.CAPTURING);

        // Earlier questions belong to the last picture, not to one still being opened.
        List<DescribeRequest.Exchange> earlier = question != null && pending == null && lastCapture != null
                ? List.copyOf(exchangesAboutLastCapture) : List.of();
        Task<Answer> task = ctx -> {
            Capture capture = source.get(ctx);
            ctx.cancellation().throwIfCancelled();
            r.about(aboutLine(action, capture, lookedAt));
            if (ImageStats.of(capture.image()).isBlank()) {
                throw new SightlineException(Problem.BAD_INPUT, BlankImage.sentence());
            }
            uiThread.execute(() -> {
                if (running == r) {
                    // Remembered as soon as it is captured: a failed description can still be read or asked about.
                    rememberCapture(capture);
                    speech.play(Earcon.WORKING);
                    if (capture.description() != null && !capture.description().isBlank()) {
                        r.turn.lookedAt(capture.description());
                        refresh();
                    }
                }
            });
            Answer answer = switch (mode) {
                case READ -> new Answer(capture, assistant.reader().read(capture, ctx, line -> streamed(r, line + "\n")));
                case BROWSE -> {
                    ElementMap map = assistant.elements().elements(capture, ctx);
                    // The transcript lists every element, for braille and review; speech walks them one by one.
                    StringBuilder list = new StringBuilder(ElementWords.MESSAGES.get(
                            map.isEmpty() ? "browse.empty" : "browse.start", map.size()));
                    map.elements().forEach(e -> list.append('\n').append(ElementWords.spoken(e, map)));
                    yield new Answer(capture, list.toString(), map, null);
                }
                case REQUEST -> {
                    ElementMap map = assistant.elements().elements(capture, ctx);
                    RequestAnswer request = ElementRequests.answer(question, map).orElseThrow();
                    yield new Answer(capture, request.text(), map, request);
                }
                default -> new Answer(capture, assistant.describer().describe(
                        new DescribeRequest(capture, question, earlier), ctx, token -> streamed(r, token)));
            };
            r.finishSpeech();
            return answer;
        };
        // The synchronous executor finishes (and calls back) before submit returns; callbacks never use handle.
        r.handle = executor.submit(task, new TaskListener<>() {
            @Override
            public void progressed(Progress progress) {
                if (running == r) {
                    status.set(r.streamed() ? progressAnnouncer.shown(progress) : progressAnnouncer.report(progress));
                }
            }

            @Override
            public void succeeded(Answer answer) {
                if (running == r) {
                    finishSucceeded(r, answer, question);
                }
            }

            @Override
            public void failed(Throwable error) {
                if (running == r) {
                    finishFailed(r, error);
                }
            }

            @Override
            public void cancelled() {
                if (running == r) {
                    finishCancelled(r);
                }
            }
        });
    }

    /** On the worker thread: a piece of the answer goes straight to speech, then to the transcript. */
    private void streamed(Running r, String piece) {
        r.speak(piece, speech);
        uiThread.execute(() -> shown(r, piece));
    }

    /** On the user-interface thread: the piece is appended to the answer's line in the transcript. */
    private void shown(Running r, String piece) {
        if (running != r) {
            return;
        }
        boolean lineShown = r.turn.hasAnswer();
        r.turn.append(piece);
        String delta = r.shownDelta(piece);
        boolean last = !turns.isEmpty() && turns.get(turns.size() - 1) == r.turn;
        if (!lineShown || !last || (r.turn.question() == null && r.turn.lookedAt() == null)) {
            refresh();
        } else if (!delta.isEmpty()) {
            int at = transcriptText.length() - answerLineEnd().length();
            transcriptText.insert(at, delta);
            edited(new TranscriptEdit(at, at, delta));
        }
    }

    /** What follows the answer on its line in the transcript ("\n" in English). */
    private static String answerLineEnd() {
        String probe = AppText.get("transcript.sightline", "\u0000");
        return probe.substring(probe.indexOf('\u0000') + 1) + "\n";
    }

    private void finishSucceeded(Running r, Answer answer, String question) {
        running = null;
        heardAbout = nameOf(answer.capture(), r.turn.lookedAt());
        String text = answer.text() == null || answer.text().isBlank() ? AppText.get("answer.empty") : answer.text().strip();
        r.turn.answer(text);
        if (r.action == ChatAction.BROWSE) {
            rememberCapture(answer.capture());
            lastAnswer = text;
            refresh();
            speech.play(Earcon.DONE);
            enterBrowse(answer.capture(), answer.map(), false);
            browse.start(r.about());
            showBrowsePosition();
            busy.set(false);
            return;
        }
        if (answer.request() instanceof RequestAnswer.Proposal proposal) {
            // The action waits in browse mode for the confirmation key; the prompt is spoken there.
            rememberCapture(answer.capture());
            lastAnswer = text;
            refresh();
            if (browse == null) {
                enterBrowse(answer.capture(), answer.map(), true);
            }
            browse.propose(proposal.action(), r.about());
            showBrowsePosition();
            busy.set(false);
            return;
        }
        rememberCapture(answer.capture());
        exchangesAboutLastCapture.add(new DescribeRequest.Exchange(question, text));
        lastAnswer = text;
        refresh();
        status.set(AppText.get("status.done"));
        speech.play(Earcon.DONE);
        if (!r.streamed()) {
            speech.speak(r.withAbout(text), Priority.NOW);
        }
        // Last, so that listeners (history) see the finished turn.
        busy.set(false);
    }

    private void rememberCapture(Capture capture) {
        // Whatever was being opened is loaded now, or another picture has replaced it.
        pending = null;
        if (capture != lastCapture) {
            endBrowse();
            lastCapture = capture;
            exchangesAboutLastCapture.clear();
        }
    }

    private void finishFailed(Running r, Throwable error) {
        running = null;
        r.silence();
        if (r.action == ChatAction.OPEN_IMAGE || r.action == ChatAction.PASTE_IMAGE) {
            pending = null; // the file could not be loaded: later keys are about the picture before
        }
        String message = AppText.userMessage(error);
        r.turn.answer(message);
        refresh();
        status.set(message);
        speech.stop();
        speech.play(Earcon.ERROR);
        speech.speak(message, Priority.NOW);
        // Last, so that listeners (history) see the finished turn.
        busy.set(false);
    }

    private void finishCancelled(Running r) {
        running = null;
        r.silence();
        r.turn.answer(AppText.get("answer.cancelled"));
        refresh();
        status.set(AppText.get("answer.cancelled"));
        speech.speak(AppText.get("answer.cancelled"), Priority.NOW);
        // Last, so that listeners (history) see the finished turn.
        busy.set(false);
    }

    private void say(String text) {
        status.set(text);
        speech.speak(text, Priority.NOW);
    }

    private void refresh() {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (t.question() != null) {
                sb.append(AppText.get("transcript.you", t.question())).append('\n');
            }
            if (t.lookedAt() != null) {
                sb.append(AppText.get("transcript.lookedAt", t.lookedAt())).append('\n');
            }
            String answer = t.answer();
            if (!answer.isEmpty()) {
                sb.append(t.question() == null && t.lookedAt() == null ? answer
                        : AppText.get("transcript.sightline", answer.strip())).append('\n');
            }
        }
        if (transcriptText.compareTo(sb) != 0) {
            int end = transcriptText.length();
            transcriptText.setLength(0);
            transcriptText.append(sb);
            edited(new TranscriptEdit(0, end, sb.toString()));
        }
    }

    private void edited(TranscriptEdit edit) {
        transcript.invalidate();
        for (Consumer<TranscriptEdit> listener : List.copyOf(transcriptEdits)) {
            listener.accept(edit);
        }
    }
}
