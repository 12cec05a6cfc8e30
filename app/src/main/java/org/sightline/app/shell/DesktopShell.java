package org.sightline.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import java.util.concurrent.CompletableFuture;
import org.sightline.app.browse.RobotDesktopInput;
import org.sightline.app.browse.ScreenActions;
import javafx.stage.Stage;
import org.sightline.app.models.ModelManagerView;
import org.sightline.app.models.ModelManagerViewModel;
import org.sightline.models.ModelStores;
import org.sightline.app.AppText;
import org.sightline.app.assistant.WindowRef;
import org.sightline.app.chat.ChatView;
import org.sightline.app.chat.ChatViewModel;
import org.sightline.app.chat.OpenImageDialog;
import org.sightline.app.chat.TranscriptHistory;
import org.sightline.app.document.DocumentOpener;
import org.sightline.app.document.DocumentWindow;
import org.sightline.app.firstrun.FirstRunCompletionInSettings;
import org.sightline.app.firstrun.FirstRunView;
import org.sightline.app.firstrun.FirstRunViewModel;
import org.sightline.app.firstrun.ModelChoicesFromStore;
import org.sightline.app.firstrun.SpeechEngineChoicesFromRegistry;
import org.sightline.app.hotkeys.GlobalHotkey;
import org.sightline.app.hotkeys.GlobalHotkeys;
import org.sightline.app.hotkeys.HotkeyBindings;
import org.sightline.app.hotkeys.KeyChord;
import org.sightline.app.settings.Settings;
import org.sightline.app.settings.SettingsStore;
import org.sightline.app.settings.SettingsView;
import org.sightline.app.voice.SelfVoicing;
import org.sightline.app.watch.WatchRegions;
import org.sightline.app.watch.WatchTarget;
import org.sightline.app.watch.WatchViewModel;
import org.sightline.app.assistant.VisionCaptureService;
import org.sightline.app.document.TextPrompt;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.capture.WindowHandle;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.app.browse.DesktopScreenLook;
import org.sightline.app.browse.ScreenLook;
import org.sightline.app.assistant.OcrReadService;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.engine.TtsEngines;

/**
 * Opens the Sightline window on a stage and keeps it working: settings, language, self-voicing and global
 * hotkeys. Separate from the {@code Application} subclass so that UI tests can open it on their own stage
 * with their own services.
 */
public final class DesktopShell implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DesktopShell.class.getName());
    private static final Locale SYSTEM_LOCALE = Locale.getDefault();

    private final Stage stage;
    private final AppServices services;
    private final ChatViewModel model;
    private final Scene scene;
    private volatile Settings settings;
    private ChatView view;
    private GlobalHotkeys hotkeys;
    private volatile HotkeyBindings bindings = HotkeyBindings.defaults();
    private volatile boolean hookRunning;
    private final SelfVoicing selfVoicing;
    private final TranscriptHistory history;
    private Stage setupWindow;
    private final WatchViewModel watching;
    /** Whether Sightline's main window has the focus: read on the hook's thread when a watch key comes. */
    private volatile boolean ownWindowFocused;
    /** The region last typed for a watch, offered again. */
    private String lastRegion = "";
    private final DocumentWindow documents;
    /** The service protocol answered from this process, when the user asked for it; started once shown. */
    private volatile AppServing serving;

    private DesktopShell(Stage stage, AppServices services, java.nio.file.Path imageAtStart) {
        this.stage = stage;
        this.services = services;
        SettingsStore.Loaded loaded = services.settingsStore().load();
        this.settings = loaded.settings();
        Messages.setLocale(settings.locale(SYSTEM_LOCALE));
        this.watching = new WatchViewModel(services.speech(), this::ocrEngine);
        this.model = new ChatViewModel(services.assistant(), services.speech(), services.executor(), Platform::runLater,
                () -> settings, ChatView::copyToClipboard, System::nanoTime);
        this.history = new TranscriptHistory(services.settingsStore().directory());
        // java.awt.Robot must never be created on the JavaFX thread: make it on a worker, once, in advance.
        CompletableFuture<ScreenActions> actions = CompletableFuture.supplyAsync(() -> {
            try {
                ScreenLook look = services.assistant().reader() instanceof OcrReadService ocr
                        ? new DesktopScreenLook(ocr.reader()) : null;
                ScreenActions screen = new ScreenActions(RobotDesktopInput.create(), services.speech(),
                        ScreenActions.DEFAULT_LEAD, look);
                screen.setBeforeAction(this::bringTargetForward);
                screen.setOwnWindowHasKeyboard(stage::isFocused);
                return screen;
            } catch (SightlineException e) {
                return null;
            }
        });
        model.useScreenActions(() -> actions.getNow(null));
        model.useWindowSwitch(new ChatViewModel.WindowSwitch() {
            @Override
            public void stepAside() {
                DesktopShell.this.stepAside();
            }

            @Override
            public boolean inFront() {
                return stage.isShowing() && stage.isFocused();
            }

            @Override
            public boolean coversRegionAroundPointer(int size) {
                javafx.geometry.Point2D pointer = new javafx.scene.robot.Robot().getMousePosition();
                double half = size / 2.0;
                return pointer.getX() - half >= stage.getX() && pointer.getY() - half >= stage.getY()
                        && pointer.getX() + half <= stage.getX() + stage.getWidth()
                        && pointer.getY() + half <= stage.getY() + stage.getHeight();
            }

            @Override
            public void comeBack() {
                Platform.runLater(() -> {
                    SelfVoicing.returnQuietly(stage);
                    stage.toFront();
                    stage.requestFocus();
                });
            }
        });
        // When the user leaves for another program, remember which: the window keys in here look at it.
        stage.focusedProperty().addListener((obs, was, focused) -> {
            ownWindowFocused = focused;
            if (!focused) {
                java.util.Set<String> own = ownWindowTitles();
                CompletableFuture.runAsync(() -> {
                    try {
                        Thread.sleep(250); // the window manager hands the focus over asynchronously
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    WindowRef other = services.assistant().windows().activeWindow();
                    // Sightline's own dialogs ("Open an image") are not where the user came from.
                    if (other.isKnown() && !own.contains(other.title())) {
                        model.rememberPreviousWindow(other);
                    }
                });
            }
        });
        if (settings.keepHistory()) {
            model.restore(history.load());
        } else {
            history.forget();
        }
        // Saved whenever a request ends, so a crash loses at most the answer being written.
        model.busyProperty().addListener((obs, was, busy) -> {
            if (!busy && settings.keepHistory()) {
                history.save(model.turns());
            }
        });
        this.documents = new DocumentWindow(stage, services.speech(), services.executor(),
                DocumentOpener.recogniser(services.assistant().reader()), model::announce, model::transcribe,
                () -> (javafx.scene.layout.Pane) view.root());
        this.view = newView();
        this.scene = new Scene(view.root(), 960, 680);
        documents.acceptDrops(scene, model::openImage);
        // A filter sees every key first, whichever control has the focus, and whichever view is current.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (globalChordInWindow(e, true) || documents.handleKey(e)) {
                return;
            }
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                // Escape cancels what Sightline is doing, a watch included; said after the view has silenced speech.
                Platform.runLater(watching::stopAny);
            }
            view.handleKey(e);
        });
        // Ctrl+Alt+Shift+letter can also arrive as typed text (AltGr handling); a global chord must not type.
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (!globalChordInWindow(e, false) && !documents.handleTyped(e)) {
                view.handleTyped(e);
            }
        });
        stage.setTitle("Sightline");
        stage.setScene(scene);
        selfVoicing = new SelfVoicing(services.speech(), () -> settings.selfVoicing());
        selfVoicing.attachToAllWindows();
        SelfVoicing.sayModeOnReturn(stage, model::browseModeNow);
        stage.setOnShown(e -> {
            view.returnFocus();
            model.announce(AppText.get("app.ready"));
            loaded.problem().ifPresent(model::announce);
            if (serving == null) {
                serving = AppServing.start(services.serving(), settings, services.assistant(),
                        sentence -> Platform.runLater(() -> model.announce(sentence)));
            }
            if (imageAtStart != null) {
                // "Open with Sightline": the user wants this picture described now; the setup waits for a plain start.
                if (!documents.offer(imageAtStart)) {
                    model.openImage(imageAtStart);
                }
            } else if (services.firstRunAtStart() && !settings.firstRunDone()) {
                // After "Sightline ready" is queued, so a script reading the announcements sees it first.
                Platform.runLater(this::openSetup);
            }
        });
    }

    /** The titles of Sightline's own windows now: the main one and the dialogs it has open. */
    private java.util.Set<String> ownWindowTitles() {
        java.util.Set<String> titles = new java.util.HashSet<>();
        titles.add(stage.getTitle());
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof Stage s && s.getTitle() != null) {
                titles.add(s.getTitle());
            }
        }
        return titles;
    }

    /** Builds the window on {@code stage}, shows it and says "Sightline ready". */
    public static DesktopShell open(Stage stage, AppServices services) {
        return open(stage, services, null);
    }

    /** As {@link #open(Stage, AppServices)}, then opens {@code image} (when not null) and describes it. */
    public static DesktopShell open(Stage stage, AppServices services, java.nio.file.Path image) {
        DesktopShell shell = new DesktopShell(stage, services, image);
        stage.show();
        if (services.globalHotkeys()) {
            shell.startGlobalHotkeys();
        }
        return shell;
    }

    public ChatViewModel model() {
        return model;
    }

    public ChatView view() {
        return view;
    }

    /** The service protocol answered from this window, when it is; for tests. */
    public Optional<java.nio.file.Path> servingAt() {
        return serving == null ? Optional.empty() : serving.servingAt();
    }

    /** The document mode; for tests. */
    public DocumentWindow documents() {
        return documents;
    }

    public Settings settings() {
        return settings;
    }

    private ChatView newView() {
        return new ChatView(model, this::editSettings, this::manageModels, this::openSetup,
                () -> OpenImageDialog.ask(stage, services.speech()).filter(path -> !documents.offer(path)),
                services.speech(),
                () -> settings.selfVoicing());
    }

    /**
     * The first-run setup in its own window, at the first start or again with Shift+F1. When it ends, the
     * speech queue goes back to the saved engine: a voice only previewed in the setup is not kept.
     */
    public void openSetup() {
        if (setupWindow != null && setupWindow.isShowing()) {
            setupWindow.toFront();
            setupWindow.requestFocus();
            return;
        }
        FirstRunViewModel setup = new FirstRunViewModel(services.speech(),
                new SpeechEngineChoicesFromRegistry(TtsEngines.discover(), services.speech(),
                        () -> settings.speechEngine(), id -> saveSettings(settings.withSpeechEngine(id))),
                new ModelChoicesFromStore(ModelStores.standard()),
                new FirstRunCompletionInSettings(() -> settings, this::saveSettings),
                services.executor());
        setup.finishedProperty().addListener((obs, was, done) -> {
            if (done) {
                AppServices.applySpeechSettings(services.speech(), settings);
                setupWindow = null;
                view.returnFocus();
            }
        });
        setupWindow = FirstRunView.openWindow(setup, stage);
    }

    /** The setup window while it is open, else null; for tests. */
    public Stage setupWindow() {
        return setupWindow;
    }

    /** Saves settings changed outside the settings screen; a disk that refuses is said, not thrown. */
    private void saveSettings(Settings changed) {
        try {
            services.settingsStore().save(changed);
            settings = changed;
        } catch (SightlineException e) {
            // Still used for this run: the user's choice must not be lost because the file could not be written.
            settings = changed;
            model.announce(e.getMessage());
        }
    }

    /**
     * Before a confirmed click or typing: Sightline's own window goes behind the others, so the pointer
     * reaches the program the user was in and the focus stays there afterwards. Runs on the actions' thread.
     */
    private void stepAside() {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                stage.toBack();
            } finally {
                done.countDown();
            }
        });
        try {
            done.await(1, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(150); // the window manager restacks asynchronously
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Before a confirmed click or typing: Sightline steps aside, and the window the elements were found in comes
     * to the front with the keyboard, checked; false when it is not in front, and then nothing is done.
     */
    private boolean bringTargetForward() {
        stepAside();
        WindowRef target = model.actionWindow();
        return !target.isKnown() || services.assistant().windows().bringToFront(target);
    }

    /** The model manager in its own modal window; Escape closes it, and closing says where the focus is. */
    private void manageModels() {
        ModelManagerViewModel vm = new ModelManagerViewModel(ModelStores.standard(), services.executor(),
                services.speech());
        ModelManagerView.openWindow(stage, vm, AppText.get("action.MODELS")).showAndWait();
        view.returnFocus();
    }

    private void editSettings() {
        Optional<Settings> edited = SettingsView.edit(stage, settings, services.speech(),
                services.settingsStore()::save);
        if (edited.isEmpty()) {
            return;
        }
        Settings before = settings;
        settings = edited.get();
        AppServices.applySpeechSettings(services.speech(), settings);
        if (settings.keepHistory()) {
            history.save(model.turns());
        } else {
            history.forget();
        }
        if (!before.language().equals(settings.language())) {
            Messages.setLocale(settings.locale(SYSTEM_LOCALE));
            // Every label was built in the old language: build the window again; the transcript stays.
            view = newView();
            scene.setRoot(view.root());
            view.questionField().setText("");
        }
        bindings = HotkeyBindings.from(settings.hotkeys(), new ArrayList<>());
        if (hotkeys != null) {
            hotkeys.rebind(bindings);
        }
        view.returnFocus();
    }

    private void startGlobalHotkeys() {
        List<String> problems = new ArrayList<>();
        bindings = HotkeyBindings.from(settings.hotkeys(), problems);
        problems.forEach(model::announce);
        hotkeys = new GlobalHotkeys(bindings, this::onGlobalHotkey);
        // Hooking the keyboard can take a moment; the window must not wait for it.
        Thread starter = new Thread(() -> {
            boolean on = hotkeys.start();
            hookRunning = on;
            if (!on) {
                Platform.runLater(() -> model.announce(AppText.get("hotkeys.unavailable")));
            }
        }, "sightline-hotkeys-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * A global chord pressed while Sightline itself has the focus. With the system hook running, the hook has
     * seen it already, so the window only swallows it; without the hook, the window runs the action itself, so
     * the global keys work at least here.
     */
    private boolean globalChordInWindow(KeyEvent e, boolean pressed) {
        String key = pressed ? e.getCode().getName() : e.getCharacter();
        if (key == null || key.isEmpty()) {
            return false;
        }
        KeyChord chord;
        try {
            chord = new KeyChord(e.isControlDown(), e.isAltDown(), e.isShiftDown(), e.isMetaDown(),
                    key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAChordKey) {
            return false;
        }
        Optional<GlobalHotkey> action = bindings.match(chord);
        if (action.isEmpty()) {
            return false;
        }
        e.consume();
        if (pressed && !hookRunning) {
            onGlobalHotkey(action.get());
        }
        return true;
    }

    /** Runs on JNativeHook's thread: remember the active window now, before anything can change it. */
    private void onGlobalHotkey(GlobalHotkey hotkey) {
        if (hotkey.watches()) {
            watchKey(hotkey);
            return;
        }
        WindowRef window = hotkey == GlobalHotkey.DESCRIBE_WINDOW || hotkey == GlobalHotkey.READ_TEXT
                ? safeActiveWindow() : WindowRef.UNKNOWN;
        Platform.runLater(() -> {
            switch (hotkey) {
                case DESCRIBE_SCREEN -> model.describeScreen();
                case DESCRIBE_WINDOW -> model.describeActiveWindow(window);
                case READ_TEXT -> model.readText(window);
                case CAMERA -> model.cameraSnapshot();
                case STOP -> {
                    // "Stop speaking and cancel" ends a watch too; it says so once speech is silenced.
                    model.cancel();
                    watching.stopAny();
                }
                case SHOW_WINDOW -> bringForward();
                default -> { }
            }
        });
    }

    private WindowRef safeActiveWindow() {
        try {
            return services.assistant().windows().activeWindow();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot tell the active window: " + e.getMessage());
            return WindowRef.UNKNOWN;
        }
    }

    /**
     * A watch key: pressed again, it stops its watch; otherwise it starts one, decided now (which window, where the
     * pointer is) and opened on the watch's own thread. Pressed in Sightline's own window, it never watches
     * Sightline: the window key watches the window the user came from, as Ctrl+Shift+W describes it, and
     * Sightline steps behind what is watched so that its window does not cover it.
     */
    private void watchKey(GlobalHotkey hotkey) {
        WatchTarget.Kind kind = switch (hotkey) {
            case WATCH_POINTER -> WatchTarget.Kind.POINTER_REGION;
            case WATCH_REGION -> WatchTarget.Kind.REGION;
            case WATCH_CAMERA -> WatchTarget.Kind.CAMERA;
            default -> WatchTarget.Kind.WINDOW;
        };
        if (watching.stop(kind)) {
            return;
        }
        boolean fromSightline = ownWindowFocused;
        try {
            switch (kind) {
                case WINDOW -> watchWindow(fromSightline);
                case POINTER_REGION -> watchAroundPointer(fromSightline);
                case REGION -> Platform.runLater(this::askRegionAndWatch);
                case CAMERA -> watching.watch(WatchTarget.camera(VisionCaptureService.cameraFromEnvironment()));
            }
        } catch (SightlineException e) {
            services.speech().speak(e.getMessage(), Priority.NOW);
        }
    }

    private void watchWindow(boolean fromSightline) {
        if (!fromSightline) {
            watching.watch(WatchTarget.window(watchedWindow()));
            return;
        }
        WindowRef previous = model.previousWindow();
        Optional<WindowHandle> handle = services.assistant().windows().handle(previous);
        if (handle.isEmpty()) {
            services.speech().speak(AppText.get("watch.noWindow", bindings.chord(GlobalHotkey.WATCH)), Priority.NOW);
            return;
        }
        watching.watch(WatchTarget.window(handle.get()).after(() -> {
            stepAside();
            services.assistant().windows().bringToFront(previous);
        }));
    }

    private void watchAroundPointer(boolean fromSightline) {
        java.awt.Rectangle square = Captures.squareAroundPointer(settings.regionSize());
        if (fromSightline && covers(square)) {
            services.speech().speak(AppText.get("watch.pointerOnSightline", bindings.chord(GlobalHotkey.WATCH_POINTER),
                    bindings.chord(GlobalHotkey.WATCH)), Priority.NOW);
            return;
        }
        WatchTarget target = WatchTarget.aroundPointer(square);
        watching.watch(fromSightline ? target.after(this::stepAside) : target);
    }

    /**
     * The region prompt, over Sightline's window brought forward (the user must type): asked again with what was
     * wrong until it is four numbers or cancelled; then Sightline steps behind the region it watches.
     */
    private void askRegionAndWatch() {
        bringForward();
        String problem = null;
        String typed = lastRegion;
        while (true) {
            Optional<String> answer = new TextPrompt(AppText.get("watch.region.title"),
                    AppText.get("watch.region.label")).text(typed).problem(problem).ask(stage);
            if (answer.isEmpty() || answer.get().isBlank()) {
                view.returnFocus();
                return;
            }
            typed = answer.get().strip();
            Optional<java.awt.Rectangle> region = WatchRegions.parse(typed);
            if (region.isPresent()) {
                view.returnFocus();
                lastRegion = typed;
                watching.watch(WatchTarget.region(region.get()).after(this::stepAside));
                return;
            }
            problem = AppText.get("watch.region.bad", typed);
        }
    }

    /** Whether Sightline's main window covers the whole of {@code square} (screen coordinates). */
    private boolean covers(java.awt.Rectangle square) {
        java.awt.Rectangle window = new java.awt.Rectangle((int) Math.round(stage.getX()),
                (int) Math.round(stage.getY()), (int) Math.round(stage.getWidth()),
                (int) Math.round(stage.getHeight()));
        return window.contains(square);
    }

    /** The window to watch: the active one, or null (the whole screen) when it cannot be told. */
    private static WindowHandle watchedWindow() {
        try {
            return Captures.rememberActiveWindow();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The watch keys' model; for tests. */
    public WatchViewModel watching() {
        return watching;
    }

    /** The warm OCR engine that reading uses, for watching; loaded here on first need. */
    private OcrEngine ocrEngine() {
        if (services.assistant().reader() instanceof OcrReadService ocr) {
            return ocr.reader().engine(TaskContext.none());
        }
        throw new SightlineException(org.sightline.error.Problem.MODEL_MISSING, AppText.get("watch.noReader"));
    }

    /** The one hotkey that takes the focus, on purpose: the user asked for the transcript. */
    private void bringForward() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        view.returnFocus();
    }

    @Override
    public void close() {
        if (serving != null) {
            serving.close();
        }
        watching.close();
        selfVoicing.close();
        if (hotkeys != null) {
            hotkeys.close();
        }
        services.executor().close();
        services.speech().close();
    }
}
