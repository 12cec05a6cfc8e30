package org.sightline.app.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.sightline.app.settings.SettingsStore;
import org.sightline.models.Catalog;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStoreConfig;
import org.sightline.models.ModelStores;
import org.sightline.app.shell.AppServices;
import org.sightline.app.shell.DesktopShell;
import org.sightline.app.testing.FxThread;
import org.sightline.i18n.Messages;
import org.sightline.speech.RecordingSpeechOutput;

/**
 * Sightline as {@code ./sightline} starts it (the desktop wiring, real capture, real OCR, real clicks and keys),
 * with two differences a test needs: what it says is recorded instead of sounded, and its settings live in the
 * test's folder. The system-wide keyboard hook stays off: xdotool's keys reach the focused window either way.
 */
final class JourneyApp implements AutoCloseable {

    /** How long the speech must stay quiet before a step counts as finished. */
    private static final Duration QUIET = Duration.ofMillis(700);

    /** What Sightline noted of focus changes (its debug log), for a step that waited in vain for speech. */
    private static final RecentLog FOCUS_LOG = RecentLog.of("org.sightline.app.voice");

    private final RecordingSpeechOutput speech = new RecordingSpeechOutput();
    private final DesktopShell shell;
    private final String window;
    private final List<String> journey = new ArrayList<>();
    private int mark;

    private final CatalogModelStore machineModels;

    private JourneyApp(Path home) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
        FxThread.start();
        // Models of the journey's own, offline: what this machine has downloaded must not change what is said.
        machineModels = ModelStores.standard();
        ModelStores.use(new CatalogModelStore(Catalog.builtIn(), ModelStoreConfig.fromEnvironment()
                .withCacheDirectory(home.resolve("models")).withOffline(true)));
        AppServices services = AppServices.desktop(speech, new SettingsStore(home.resolve("settings")), false, false);
        List<String> before = JourneyDesktop.windowsNamed("Sightline");
        shell = FxThread.call(() -> DesktopShell.open(new Stage(), services));
        window = JourneyDesktop.newWindowNamed("Sightline", before);
        awaitSaid("Sightline ready. Press F1 to hear every key.", Duration.ofSeconds(20));
        // A window manager may map the window without the keyboard: the user would click it or Alt+Tab to it.
        JourneyDesktop.activate(window);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!FxThread.call(() -> stageOf(shell).isFocused())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Sightline's window never got the keyboard");
            }
            Thread.sleep(50);
        }
        settle();
    }

    /** Closes any window Sightline opened besides its main one (a journey that failed may leave one open). */
    void closeDialogs() throws Exception {
        FxThread.call(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w != stageOf(shell) && w.isShowing()) {
                    w.hide();
                }
            }
            return null;
        });
    }

    /** Whether Sightline's window has the keyboard, as JavaFX sees it. */
    boolean focused() throws Exception {
        return FxThread.call(() -> stageOf(shell).isFocused());
    }

    private static Stage stageOf(DesktopShell shell) {
        return (Stage) shell.view().root().getScene().getWindow();
    }

    /**
     * Progress is spoken only when a step takes long (seconds, on a loaded machine), so whether it is heard depends
     * on the machine's speed: the lines that must be exact leave it out.
     */
    private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile(
            "Working(, \\d+ percent)?\\.|Finding text|Reading line \\d+ of \\d+|Loading the text recognition models");

    /** {@code lines} without the progress reports among them. */
    static List<String> withoutProgress(List<String> lines) {
        return lines.stream().filter(l -> !PROGRESS.matcher(l).matches()).toList();
    }

    /** Starts Sightline with its settings and models under {@code home}. */
    static JourneyApp start(Path home) throws Exception {
        return new JourneyApp(home);
    }

    DesktopShell shell() {
        return shell;
    }

    /** Sightline's X window. */
    String window() {
        return window;
    }

    /** Starts listening afresh: {@link #said} returns only what is spoken from now on. */
    void listen() {
        mark = speech.spoken().size();
    }

    /** Everything spoken since {@link #listen}, in order. */
    List<String> said() {
        List<String> all = speech.spoken();
        return List.copyOf(all.subList(Math.min(mark, all.size()), all.size()));
    }

    /**
     * Waits until {@code last} has been spoken since {@link #listen} and the speech has then stayed quiet for a
     * moment, and returns everything spoken since {@link #listen}; the lines also go into the journey's transcript.
     */
    List<String> saidUpTo(String last, Duration limit) throws InterruptedException {
        awaitSaid(last, limit);
        List<String> lines = said();
        journey.addAll(lines);
        return lines;
    }

    List<String> saidUpTo(String last) throws InterruptedException {
        return saidUpTo(last, Duration.ofSeconds(20));
    }

    /** As {@link #saidUpTo}, for a last line known only by its start (text read from the screen follows it). */
    List<String> saidUpToStart(String lastStart, Duration limit) throws InterruptedException {
        awaitLine(s -> s.startsWith(lastStart), "a line starting " + lastStart, limit);
        List<String> lines = said();
        journey.addAll(lines);
        return lines;
    }

    /** Waits for quiet after whatever the last step said, and returns it (for steps that may say nothing). */
    List<String> saidAfterQuiet() throws InterruptedException {
        settle();
        List<String> lines = said();
        journey.addAll(lines);
        return lines;
    }

    private void awaitSaid(String line, Duration limit) throws InterruptedException {
        awaitLine(line::equals, "\u201c" + line + "\u201d", limit);
    }

    private void awaitLine(java.util.function.Predicate<String> wanted, String what, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (said().stream().noneMatch(wanted)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not said within " + limit.toSeconds() + " s: " + what
                        + "\nSaid since the step began: " + said() + "\nFocus, as Sightline saw it:\n"
                        + String.join("\n", FOCUS_LOG.recent()));
            }
            Thread.sleep(30);
        }
        settle();
    }

    /** Waits for quiet, leaving what was said out of the journey's transcript (the setting up of a journey). */
    void waitForQuiet() throws InterruptedException {
        settle();
        listen();
    }

    /** Waits until nothing new has been spoken for {@link #QUIET}. */
    private void settle() throws InterruptedException {
        int count = speech.spoken().size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            Thread.sleep(30);
            int now = speech.spoken().size();
            if (now != count) {
                count = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /**
     * Presses {@code keys} (xdotool's names) as one step of the journey and returns what was said up to
     * {@code last} or, when it is null, until the speech fell quiet; progress reports are left out.
     */
    List<String> press(String step, String last, String... keys) throws Exception {
        listen();
        step(step);
        JourneyDesktop.keys(keys);
        return withoutProgress(last == null ? saidAfterQuiet() : saidUpTo(last));
    }

    /**
     * As {@link #press}, but goes on the moment {@code line} is heard, without waiting for the speech to fall quiet:
     * the user acts while Sightline is still talking. What follows is heard by the next step.
     */
    void pressAndGoOn(String step, String line, String... keys) throws Exception {
        listen();
        step(step);
        JourneyDesktop.keys(keys);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!said().contains(line)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not said within 20 s: \u201c" + line + "\u201d\nSaid since the step began: "
                        + said());
            }
            Thread.sleep(30);
        }
        journey.addAll(said());
    }

    /** As {@link #press}, up to a line known only by its start (text read from the screen varies a little). */
    List<String> pressUntilStart(String step, String lastStart, String... keys) throws Exception {
        listen();
        step(step);
        JourneyDesktop.keys(keys);
        return withoutProgress(saidUpToStart(lastStart, Duration.ofSeconds(20)));
    }

    /** Notes a step of the journey in its transcript, the way the closing note quotes it. */
    void step(String keys) {
        journey.add("[" + keys + "]");
    }

    /** Writes the journey's transcript to {@code target/journeys/NAME.txt} and starts a new one. */
    void writeTranscript(String name) throws IOException {
        Path dir = Path.of("target", "journeys");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".txt"), journey);
        journey.clear();
    }

    @Override
    public void close() throws Exception {
        FxThread.call(() -> {
            shell.close();
            stageOf(shell).hide();
            return null;
        });
        ModelStores.use(machineModels);
    }
}
