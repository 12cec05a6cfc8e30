package org.sightline.vision.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.capture.WindowHandle;
import org.sightline.vision.testing.Displays;
import org.sightline.vision.testing.RealOcr;
import org.sightline.vision.testing.TestFonts;

/**
 * Watching real windows on the test's X server with the real OCR models: subtitles that change on a schedule,
 * a log that appends lines, a percentage counter, and the ways a watch ends.
 */
@Tag("slow")
class WatchScenariosTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void needsX11() {
        Displays.assumeX11();
    }

    @BeforeEach
    void display() {
        Displays.assumeX11();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private TextWindow window(String title, Rectangle bounds, Font font, Color ink, Color paper) throws Exception {
        TextWindow w = TextWindow.open(title, bounds, font, ink, paper);
        open.add(w);
        return w;
    }

    private Watcher watch(FrameSource source, LinePolicy policy, RecordingListener listener) {
        Watcher w = Watcher.start(source, OCR.engine(), WatchSettings.standard(policy), listener);
        open.add(w::stop);
        return w;
    }

    static final List<String> SUBTITLES = List.of("The train leaves at nine.", "Nobody saw the letter.",
            "We should go north tomorrow.", "Keep the lights on tonight.", "It is getting late.");

    @Test
    void eachSubtitleIsToldOnceAsItAppears() throws Exception {
        TextWindow w = window("Film", new Rectangle(60, 500, 820, 90), TestFonts.sans(Font.PLAIN, 28),
                Color.WHITE, Color.BLACK);
        RecordingListener heard = new RecordingListener();
        watch(ScreenFrames.region(w.bounds()), LinePolicy.LATEST_FIRST, heard);
        Thread.sleep(600);
        List<Long> shownAt = new ArrayList<>();
        for (String subtitle : SUBTITLES) {
            shownAt.add(w.show(List.of(subtitle)));
            Thread.sleep(1500);
        }
        w.show(List.of());
        assertThat(heard.awaitLine(SUBTITLES.get(SUBTITLES.size() - 1), 2000)).isTrue();
        Thread.sleep(500);

        assertThat(heard.texts()).isEqualTo(SUBTITLES);
        assertThat(heard.heard()).allMatch(h -> h.line().interrupts());
        for (int i = 0; i < SUBTITLES.size(); i++) {
            long latencyMs = (heard.heard().get(i).nanos() - shownAt.get(i)) / 1_000_000;
            assertThat(latencyMs).as("latency of subtitle %d", i).isBetween(0L, 1500L);
        }
    }

    static String logLine(int i) {
        String[] verbs = {"fetched", "compiled", "linked", "tested", "packed", "signed", "copied"};
        String[] things = {"parser", "scanner", "viewer", "speaker", "reader", "window", "camera", "printer"};
        return verbs[i % verbs.length] + " the " + things[i % things.length] + " module";
    }

    @Test
    void aLogTellsEachNewLineOnceInOrderAsItScrolls() throws Exception {
        TextWindow w = window("Build log", new Rectangle(60, 60, 640, 260), TestFonts.mono(16),
                new Color(30, 30, 30), new Color(250, 250, 245));
        RecordingListener heard = new RecordingListener();
        watch(ScreenFrames.region(w.bounds()), LinePolicy.QUEUE, heard);
        List<String> log = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            log.add(logLine(i));
            all.add(logLine(i));
            w.show(log.subList(Math.max(0, log.size() - 8), log.size()));
            Thread.sleep(700);
        }
        assertThat(heard.awaitLine(all.get(all.size() - 1), 2000)).isTrue();
        Thread.sleep(300);
        assertThat(heard.texts()).isEqualTo(all);
        assertThat(heard.heard()).noneMatch(h -> h.line().interrupts());
    }

    @Test
    void aCounterIsToldAtABoundedRateEndingWithItsLastValue() throws Exception {
        TextWindow w = window("Installer", new Rectangle(100, 360, 520, 110), TestFonts.sans(Font.PLAIN, 22),
                Color.BLACK, Color.WHITE);
        RecordingListener heard = new RecordingListener();
        watch(ScreenFrames.region(w.bounds()), LinePolicy.LATEST_FIRST, heard);
        for (int p = 0; p <= 100; p += 2) {
            w.show(List.of("Installing packages", "Progress " + p + "%"));
            Thread.sleep(100);
        }
        assertThat(heard.awaitLine("Progress 100%", 4000)).isTrue();
        Thread.sleep(500);
        List<String> texts = heard.texts();
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(texts.get(0)).isEqualTo("Installing packages");
        List<RecordingListener.Heard> counter = heard.heard().stream()
                .filter(h -> h.line().text().startsWith("Progress")).toList();
        assertThat(counter.size()).isBetween(2, 5);
        for (int i = 1; i < counter.size(); i++) {
            assertThat((counter.get(i).nanos() - counter.get(i - 1).nanos()) / 1_000_000).isGreaterThan(2300);
        }
        assertThat(counter.get(counter.size() - 1).line().text()).isEqualTo("Progress 100%");
    }

    @Test
    void closingTheWatchedWindowEndsTheWatchSayingWhy() throws Exception {
        TextWindow w = window("Team chat", new Rectangle(200, 200, 500, 120), TestFonts.sans(Font.PLAIN, 22),
                Color.BLACK, Color.WHITE);
        WindowHandle handle = w.activate();
        RecordingListener heard = new RecordingListener();
        watch(ScreenFrames.window(handle), LinePolicy.QUEUE, heard);
        w.show(List.of("Lunch is at noon today"));
        assertThat(heard.awaitLine("Lunch is at noon today", 3000)).isTrue();
        assertThat(heard.notices()).contains("Watching Team chat.");
        w.close();
        open.remove(w);
        StopReason reason = heard.awaitStop(3000);
        assertThat(reason).isNotNull();
        assertThat(reason.problem()).isEqualTo(Problem.BAD_INPUT);
        assertThat(reason.message()).isEqualTo(
                "Stopped watching. The window \"Team chat\" has closed or been minimised.");
    }

    @Test
    void stoppingEndsTheWatchAndSaysSo() throws Exception {
        RecordingListener heard = new RecordingListener();
        Watcher w = Watcher.start(ScreenFrames.region(new Rectangle(0, 0, 200, 100)), OCR.engine(),
                new WatchSettings(Duration.ofMillis(20), LinePolicy.QUEUE), heard);
        Thread.sleep(300);
        w.stop();
        assertThat(w.awaitStop(Duration.ofSeconds(3))).isTrue();
        assertThat(heard.awaitStop(1000)).isEqualTo(StopReason.byUser());
        assertThat(heard.notices()).anyMatch(n -> n.startsWith("Looking every 100 milliseconds: every 20 is"));
        assertThat(w.interval()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aRegionOffTheScreenIsRefused() {
        assertThatThrownBy(() -> ScreenFrames.region(new Rectangle(5000, 5000, 300, 200)))
                .isInstanceOf(SightlineException.class)
                .hasMessageStartingWith("The region at 5000, 5000, 300 by 200 does not lie on the screen")
                .extracting(e -> ((SightlineException) e).problem()).isEqualTo(Problem.BAD_INPUT);
    }
}
