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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sightline.app.AppText;
import org.sightline.app.assistant.Assistant;
import org.sightline.app.assistant.DescribeRequest;
import org.sightline.app.assistant.ImageSources;
import org.sightline.app.assistant.WindowRef;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.app.hotkeys.HotkeyBindings;
import org.sightline.app.settings.Settings;
import org.sightline.app.voice.ProgressAnnouncer;
import org.sightline.app.voice.SentenceSpeaker;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.speech.Earcon;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.task.Progress;
import org.sightline.task.Task;
import org.sightline.task.TaskContext;
import org.sightline.task.TaskExecutor;
import org.sightline.task.TaskHandle;
import org.sightline.task.TaskListener;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.image.BlankImage;
import org.sightline.vision.image.ImageStats;

/**
 * What the main window does, without any JavaFX scene: each action becomes a task on the executor, its
 * progress and answer are shown in the transcript and spoken, Escape cancels it. One task runs at a time;
 * the same key pressed again while its task runs is ignored (with a word to say so), another key replaces
 * the running task, because a new request makes the old answer stale.
 *
 * <p>All methods are called on the user-interface thread; the executor calls back on it too.
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
    private final ReadOnlyStringWrapper transcript = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private Running running;
    private Capture lastCapture;
    private final List<DescribeRequest.Exchange> exchangesAboutLastCapture = new ArrayList<>();
    private String lastAnswer;

    /** The task in flight, with the key that started it; callbacks from any other request are stale. */
    private static final class Running {
        final ChatAction action;
        final Turn turn;
        final SentenceSpeaker speaker;
        TaskHandle<?> handle;

        Running(ChatAction action, Turn turn, SentenceSpeaker speaker) {
            this.action = action;
            this.turn = turn;
            this.speaker = speaker;
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
    public ReadOnlyStringProperty transcriptProperty() {
        return transcript.getReadOnlyProperty();
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

    // ----- actions that look at something

    public void describeScreen() {
        look(ChatAction.DESCRIBE_SCREEN, null, AppText.get("lookedAt.screen"),
                ctx -> assistant.capture().captureScreen(ctx), Mode.DESCRIBE);
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
    }

    private volatile WindowRef previousWindow = WindowRef.UNKNOWN;
    private volatile WindowSwitch windowSwitch = WindowSwitch.NONE;

    /** The window the user was in before coming to Sightline: what the window keys look at from here. */
    public void rememberPreviousWindow(WindowRef window) {
        previousWindow = Objects.requireNonNull(window);
    }

    public void useWindowSwitch(WindowSwitch windowSwitch) {
        this.windowSwitch = Objects.requireNonNull(windowSwitch);
    }

    /**
     * From a key in Sightline's window: the window the user came from, captured with Sightline stepped aside
     * so that its own window does not cover it.
     */
    private Capture capturePreviousWindow(TaskContext ctx) {
        WindowSwitch sw = windowSwitch;
        sw.stepAside();
        try {
            return assistant.capture().captureActiveWindow(previousWindow, ctx);
        } finally {
            sw.comeBack();
        }
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
        look(ChatAction.DESCRIBE_WINDOW, null, what, ctx -> assistant.capture().captureActiveWindow(window, ctx),
                Mode.DESCRIBE);
    }

    public void describeRegion() {
        int size = settings.get().regionSize();
        look(ChatAction.DESCRIBE_REGION, null, AppText.get("lookedAt.region", size),
                ctx -> assistant.capture().captureRegionAroundPointer(size, ctx), Mode.DESCRIBE);
    }

    /**
     * Reads the text of the image last looked at (a file just opened, a capture) or, when there is none, of the
     * window remembered at key-press time.
     */
    public void readText(WindowRef window) {
        Capture previous = lastCapture;
        if (previous != null && window == null) {
            look(ChatAction.READ_TEXT, null, previous.description(), ctx -> previous, Mode.READ);
        } else if (window == null) {
            look(ChatAction.READ_TEXT, null, AppText.get("lookedAt.window"), this::capturePreviousWindow, Mode.READ);
        } else {
            look(ChatAction.READ_TEXT, null, AppText.get("lookedAt.window"),
                    ctx -> assistant.capture().captureActiveWindow(window, ctx), Mode.READ);
        }
    }

    /**
     * Browse mode: the headings, links, buttons and fields of the image last looked at or, when there is none,
     * of the window remembered at key-press time, walked with the keys of a screen reader's browse mode.
     */
    public void browse(WindowRef window) {
        Capture previous = lastCapture;
        if (previous != null && window == null) {
            look(ChatAction.BROWSE, null, previous.description(), ctx -> previous, Mode.BROWSE);
        } else if (window == null) {
            look(ChatAction.BROWSE, null, AppText.get("lookedAt.window"), this::capturePreviousWindow, Mode.BROWSE);
        } else {
            look(ChatAction.BROWSE, null, AppText.get("lookedAt.window"),
                    ctx -> assistant.capture().captureActiveWindow(window, ctx), Mode.BROWSE);
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
            browse = null;
            status.set(AppText.get("browse.left"));
        }
    }

    private void enterBrowse(Capture capture, ElementMap map) {
        boolean clickable = capture.screenBounds() != null && map.onScreen();
        browse = new BrowseViewModel(map, speech, clickable ? screenActions.get() : null);
    }

    public void cameraSnapshot() {
        look(ChatAction.CAMERA, null, AppText.get("lookedAt.camera"), ctx -> assistant.capture().cameraSnapshot(ctx),
                Mode.DESCRIBE);
    }

    public void openImage(Path file) {
        Path name = file.getFileName();
        look(ChatAction.OPEN_IMAGE, null, name == null ? file.toString() : name.toString(),
                ctx -> ImageSources.fromFile(file), Mode.DESCRIBE);
    }

    /** Describes an image taken from the clipboard; null when the clipboard held none. */
    public void pasteImage(BufferedImage image) {
        look(ChatAction.PASTE_IMAGE, null, AppText.get("lookedAt.clipboard"), ctx -> ImageSources.fromClipboard(image),
                Mode.DESCRIBE);
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
        Capture previous = lastCapture;
        // Only the user's own words are parsed as requests ("click Sign in"); text on the screen never is.
        Mode mode = ElementRequests.answer(q, NO_ELEMENTS).isPresent() ? Mode.REQUEST : Mode.DESCRIBE;
        if (previous != null) {
            look(ChatAction.ASK, q, previous.description(), ctx -> previous, mode);
        } else {
            look(ChatAction.ASK, q, AppText.get("lookedAt.screen"), ctx -> assistant.capture().captureScreen(ctx),
                    mode);
        }
    }

    // ----- actions on speech and the transcript

    public void stopSpeaking() {
        speech.stop();
        status.set(AppText.get("status.stopped"));
    }

    /** Escape: cancels the running task, at once as far as the user can tell, and silences speech. */
    public void cancel() {
        speech.stop();
        Running r = running;
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
        Running r = new Running(action, turn, new SentenceSpeaker(speech));
        running = r;
        busy.set(true);
        status.set(AppText.get("progress.working"));
        progressAnnouncer.reset();
        speech.play(Earcon.CAPTURING);

        List<DescribeRequest.Exchange> earlier = question != null && lastCapture != null
                ? List.copyOf(exchangesAboutLastCapture) : List.of();
        Task<Answer> task = ctx -> {
            Capture capture = source.get(ctx);
            ctx.cancellation().throwIfCancelled();
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
            switch (mode) {
                case READ -> {
                    return new Answer(capture, assistant.reader().read(capture, ctx,
                            line -> uiThread.execute(() -> streamed(r, line + "\n"))));
                }
                case BROWSE -> {
                    ElementMap map = assistant.elements().elements(capture, ctx);
                    // The transcript lists every element, for braille and review; speech walks them one by one.
                    StringBuilder list = new StringBuilder(ElementWords.MESSAGES.get(
                            map.isEmpty() ? "browse.empty" : "browse.start", map.size()));
                    map.elements().forEach(e -> list.append('\n').append(ElementWords.spoken(e)));
                    return new Answer(capture, list.toString(), map, null);
                }
                case REQUEST -> {
                    ElementMap map = assistant.elements().elements(capture, ctx);
                    RequestAnswer request = ElementRequests.answer(question, map).orElseThrow();
                    return new Answer(capture, request.text(), map, request);
                }
                default -> {
                    return new Answer(capture, assistant.describer().describe(
                            new DescribeRequest(capture, question, earlier), ctx,
                            token -> uiThread.execute(() -> streamed(r, token))));
                }
            }
        };
        // The synchronous executor finishes (and calls back) before submit returns; callbacks never use handle.
        r.handle = executor.submit(task, new TaskListener<>() {
            @Override
            public void progressed(Progress progress) {
                if (running == r) {
                    status.set(progressAnnouncer.report(progress));
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

    private void streamed(Running r, String piece) {
        if (running != r) {
            return;
        }
        r.turn.append(piece);
        r.speaker.accept(piece);
        refresh();
    }

    private void finishSucceeded(Running r, Answer answer, String question) {
        running = null;
        String text = answer.text() == null || answer.text().isBlank() ? AppText.get("answer.empty") : answer.text().strip();
        r.turn.answer(text);
        if (r.action == ChatAction.BROWSE) {
            rememberCapture(answer.capture());
            lastAnswer = text;
            refresh();
            status.set(text);
            speech.play(Earcon.DONE);
            enterBrowse(answer.capture(), answer.map());
            browse.start();
            busy.set(false);
            return;
        }
        if (answer.request() instanceof RequestAnswer.Proposal proposal) {
            // The action waits in browse mode for the confirmation key; the prompt is spoken there.
            rememberCapture(answer.capture());
            lastAnswer = text;
            refresh();
            status.set(text);
            if (browse == null) {
                enterBrowse(answer.capture(), answer.map());
            }
            browse.propose(proposal.action());
            busy.set(false);
            return;
        }
        rememberCapture(answer.capture());
        exchangesAboutLastCapture.add(new DescribeRequest.Exchange(question, text));
        lastAnswer = text;
        refresh();
        status.set(AppText.get("status.done"));
        speech.play(Earcon.DONE);
        r.speaker.finish(text);
        // Last, so that listeners (history) see the finished turn.
        busy.set(false);
    }

    private void rememberCapture(Capture capture) {
        if (capture != lastCapture) {
            browse = null;
            lastCapture = capture;
            exchangesAboutLastCapture.clear();
        }
    }

    private void finishFailed(Running r, Throwable error) {
        running = null;
        String message = userMessage(error);
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
        r.turn.answer(AppText.get("answer.cancelled"));
        refresh();
        status.set(AppText.get("answer.cancelled"));
        speech.speak(AppText.get("answer.cancelled"), Priority.NOW);
        // Last, so that listeners (history) see the finished turn.
        busy.set(false);
    }

    static String userMessage(Throwable error) {
        if (error instanceof SightlineException se) {
            return se.getMessage();
        }
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure", error);
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return AppText.get("error.internal", detail);
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
        transcript.set(sb.toString());
    }
}
