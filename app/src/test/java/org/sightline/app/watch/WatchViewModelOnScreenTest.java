package org.sightline.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.CameraSettings;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.live.FrameSource;
import org.sightline.vision.live.ScreenFrames;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.i18n.Messages;
import org.sightline.speech.Priority;
import org.sightline.speech.RecordingSpeechOutput;
import org.sightline.vision.live.TextWindow;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;
import org.sightline.vision.testing.Displays;
import org.sightline.vision.testing.TestFonts;

/** The watch keys' model with a recording speech output, a real window under Xvfb and the real OCR models. */
@Tag("slow")
class WatchViewModelOnScreenTest {

    @TempDir
    static Path models;
    private static OcrEngine engine;
    private static Locale saved;

    @BeforeAll
    static void load() {
        saved = Messages.locale();
        Displays.assumeX11();
        Messages.setLocale(Locale.ENGLISH);
        engine = PpOcrEngine.load(BundledOcrModels.extractTo(models));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
        Messages.setLocale(saved);
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
    }

    @Test
    void theKeyStartsWatchingSpeaksNewSubtitlesLatestFirstAndStops() throws Exception {
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        try (TextWindow w = TextWindow.open("Film player", new Rectangle(80, 420, 700, 90),
                TestFonts.sans(Font.PLAIN, 26), Color.WHITE, Color.BLACK);
             WatchViewModel model = new WatchViewModel(speech, () -> engine)) {
            model.toggle(w.activate());
            await(() -> speech.spoken().contains("Watching Film player."), 5000);
            assertThat(model.isWatching()).isTrue();
            w.show(List.of("Where is the harbour?"));
            await(() -> speech.spoken().contains("Where is the harbour?"), 4000);
            w.show(List.of("Past the old lighthouse."));
            await(() -> speech.spoken().contains("Past the old lighthouse."), 4000);
            model.toggle(WatchTarget.window(null));
            await(() -> speech.spoken().contains("Stopped watching Film player."), 4000);

            assertThat(speech.spoken()).containsExactly("Watching Film player.", "Where is the harbour?",
                    "Past the old lighthouse.", "Stopped watching Film player.");
            assertThat(speech.events()).filteredOn(e -> "Past the old lighthouse.".equals(e.text()))
                    .extracting(RecordingSpeechOutput.Event::priority).containsExactly(Priority.NOW);
            assertThat(model.isWatching()).isFalse();
        }
    }

    @Test
    void theKeysThatCancelEverythingEndAWatchAndSaySo() throws Exception {
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        try (TextWindow w = TextWindow.open("Build log", new Rectangle(80, 420, 700, 90),
                TestFonts.sans(Font.PLAIN, 26), Color.BLACK, Color.WHITE);
             WatchViewModel model = new WatchViewModel(speech, () -> engine)) {
            assertThat(model.stopAny()).as("nothing to stop").isFalse();
            model.toggle(w.activate());
            await(() -> speech.spoken().contains("Watching Build log."), 5000);
            assertThat(model.stopAny()).isTrue();
            await(() -> speech.spoken().contains("Stopped watching Build log."), 4000);
            assertThat(model.isWatching()).isFalse();
            w.show(List.of("Compiling 12 files"));
            Thread.sleep(1000);
            assertThat(speech.spoken()).containsExactly("Watching Build log.", "Stopped watching Build log.");
        }
    }

    @Test
    void theRegionAroundThePointerIsWatchedAndAChangedLineInItIsSpokenOnce() throws Exception {
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        Font font = TestFonts.sans(Font.PLAIN, 24);
        try (TextWindow gate = TextWindow.open("Departures", new Rectangle(300, 300, 360, 90), font, Color.BLACK,
                Color.WHITE);
             TextWindow outside = TextWindow.open("Chat", new Rectangle(900, 60, 340, 90), font, Color.BLACK,
                     Color.WHITE);
             WatchViewModel model = new WatchViewModel(speech, () -> engine)) {
            gate.show(List.of("Gate 12 closed"));
            new Robot().mouseMove(480, 345);
            Rectangle square = Captures.squareAroundPointer(400);
            assertThat(square).isEqualTo(new Rectangle(280, 145, 400, 400));

            model.toggle(WatchTarget.aroundPointer(square));
            await(() -> speech.spoken().contains("Gate 12 closed"), 6000);
            assertThat(model.isWatching(WatchTarget.Kind.POINTER_REGION)).isTrue();
            gate.show(List.of("Gate 14 now boarding"));
            outside.show(List.of("Anna: see you at noon"));
            await(() -> speech.spoken().contains("Gate 14 now boarding"), 4000);
            // Long enough for a second telling, or for the window outside the square to be read, had either happened.
            Thread.sleep(1500);
            model.toggle(WatchTarget.aroundPointer(square));
            await(() -> !model.isWatching() && speech.spoken().size() >= 4, 4000);

            assertThat(speech.spoken()).containsExactly("Watching the region around the pointer, 400 by 400.",
                    "Gate 12 closed", "Gate 14 now boarding",
                    "Stopped watching the region around the pointer, 400 by 400.");
        }
    }

    @Test
    void anotherWatchKeySwitchesSayingWhatStoppedThenWatchesTheCamera(@TempDir Path dir) throws Exception {
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        List<String> signs = List.of("Platform 4 this way", "Ticket office closed");
        Path video = SignVideo.write(dir.resolve("signs.mkv"), signs, 1.6);
        try (TextWindow w = TextWindow.open("Riverside Library", new Rectangle(80, 420, 600, 90),
                TestFonts.sans(Font.PLAIN, 24), Color.BLACK, Color.WHITE);
             WatchViewModel model = new WatchViewModel(speech, () -> engine)) {
            model.toggle(w.activate());
            await(() -> speech.spoken().contains("Watching Riverside Library."), 5000);
            model.toggle(WatchTarget.camera(CameraSettings.standIn(video)));
            await(() -> speech.spoken().contains(signs.get(1)), 15_000);

            // Whether the watch slows down ("Looking every 300 milliseconds: ..."), and when, depends on the
            // machine's load: the lines that must be exact leave it out.
            List<String> heard = speech.spoken().stream().filter(s -> !s.startsWith("Looking every ")).toList();
            assertThat(heard.subList(0, 5)).containsExactly("Watching Riverside Library.",
                    "Stopped watching Riverside Library.", "Watching the camera.", signs.get(0), signs.get(1));
            // The same key again stops it; a stand-in video loops, as a camera never runs out of pictures.
            model.toggle(WatchTarget.camera(CameraSettings.standIn(video)));
            await(() -> speech.spoken().contains("Stopped watching the camera."), 4000);
            assertThat(model.isWatching()).isFalse();
            assertThat(speech.spoken()).endsWith("Stopped watching the camera.")
                    .filteredOn(s -> s.startsWith("Stopped")).hasSize(2);
        }
    }

    @Test
    void withNoCameraOneSentenceSaysSoAndNothingIsWatched() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/video0")), "this machine has a camera");
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        try (WatchViewModel model = new WatchViewModel(speech, () -> engine)) {
            model.toggle(WatchTarget.camera(CameraSettings.device(0)));
            await(() -> !speech.spoken().isEmpty(), 5000);
            Thread.sleep(300);
            assertThat(speech.spoken()).containsExactly(
                    "There is no camera 0. Plug a camera in, or choose another camera in the settings.");
            assertThat(model.isWatching()).isFalse();
            assertThat(model.isWatching(WatchTarget.Kind.CAMERA)).isFalse();
        }
    }

    @Test
    void whenTheDisplayGoesAwayTheWatchStopsAndSaysWhy() throws Exception {
        RecordingSpeechOutput speech = new RecordingSpeechOutput();
        // Stands in for a lost X display ONLY: the screen is captured for real until the display "goes", then the
        // capture fails as the capture routes fail without a display (DEVICE_UNAVAILABLE, display.none).
        AtomicInteger frames = new AtomicInteger();
        FrameSource screen = ScreenFrames.screen();
        FrameSource losing = new FrameSource() {
            @Override
            public BufferedImage next(TaskContext context) {
                if (frames.incrementAndGet() > 6) {
                    throw new SightlineException(Problem.DEVICE_UNAVAILABLE, NO_DISPLAY);
                }
                return screen.next(context);
            }

            @Override
            public String description() {
                return screen.description();
            }
        };
        try (WatchViewModel model = new WatchViewModel(speech, () -> engine)) {
            model.watch(new WatchTarget(WatchTarget.Kind.WINDOW, null, () -> losing));
            await(() -> speech.spoken().stream().anyMatch(s -> s.startsWith("Stopped")), 8000);
            await(() -> !model.isWatching(), 2000);

            assertThat(speech.spoken()).startsWith("Watching the screen.")
                    .endsWith("Stopped watching. " + NO_DISPLAY);
            assertThat(speech.events()).filteredOn(e -> e.text().startsWith("Stopped"))
                    .extracting(RecordingSpeechOutput.Event::priority).containsExactly(Priority.NOW);
            assertThat(model.isWatching()).isFalse();
        }
    }

    private static final String NO_DISPLAY = "There is no display to capture: Sightline needs a graphical desktop"
            + " session. Run it from your desktop, or set DISPLAY.";
}
