package org.sightline.vision.live;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.task.TaskContext;
import org.sightline.vision.ocr.BundledOcrModels;
import org.sightline.vision.ocr.LineImageCache;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;
import org.sightline.vision.testing.Displays;
import org.sightline.vision.testing.TestFonts;

/**
 * Live mode on real windows under Xvfb with the real OCR models: time from a change on the screen to the new
 * line reaching the listener, lines missed and told twice (subtitles, a log, a counter), CPU while the screen is
 * still, and the saving of the line-image cache when a window is read again after scrolling by three lines.
 * Results go to {@code target/bench-live/results.md}. Run under Xvfb with:
 * {@code mvn -B -pl vision -am test -Dtest=LiveModeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench}.
 */
@Tag("bench")
public class LiveModeBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path models;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        Displays.assumeX11();
        try (OcrEngine engine = PpOcrEngine.load(BundledOcrModels.extractTo(models))) {
            report.append("| scenario | lines shown | told | read exactly | missed | told twice | latency median (ms) "
                    + "| latency max (ms) |\n");
            report.append("|---|---|---|---|---|---|---|---|\n");
            subtitles(engine);
            log(engine);
            counter(engine);
            report.append("\n| still screen, 10 s | interval (ms) | process CPU (% of one core) |\n|---|---|---|\n");
            still(engine, new Rectangle(60, 60, 640, 260), "window-sized region 640x260");
            still(engine, new Rectangle(0, 0, 1280, 800), "whole screen 1280x800");
            report.append("\n");
            reread(engine);
        }
        Path out = Path.of("target/bench-live");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
    }

    private void subtitles(OcrEngine engine) throws Exception {
        List<String> shown = List.of("The train leaves at nine.", "Nobody saw the letter.",
                "We should go north tomorrow.", "Keep the lights on tonight.", "It is getting late.",
                "Who left the door open?", "The storm will pass by morning.", "Bring the blue umbrella.");
        try (TextWindow w = TextWindow.open("Film", new Rectangle(60, 500, 820, 90), TestFonts.sans(Font.PLAIN, 28),
                Color.WHITE, Color.BLACK)) {
            RecordingListener heard = new RecordingListener();
            Watcher watcher = Watcher.start(ScreenFrames.region(w.bounds()), engine,
                    WatchSettings.standard(LinePolicy.LATEST_FIRST), heard);
            Thread.sleep(800);
            long[] at = new long[shown.size()];
            for (int i = 0; i < shown.size(); i++) {
                at[i] = w.show(List.of(shown.get(i)));
                Thread.sleep(1500);
            }
            heard.awaitLine(shown.get(shown.size() - 1), 2000);
            watcher.stop();
            watcher.awaitStop(java.time.Duration.ofSeconds(5));
            row("subtitles, one line every 1.5 s", shown, at, heard);
        }
    }

    private void log(OcrEngine engine) throws Exception {
        try (TextWindow w = TextWindow.open("Build log", new Rectangle(60, 60, 640, 260), TestFonts.mono(16),
                new Color(30, 30, 30), new Color(250, 250, 245))) {
            RecordingListener heard = new RecordingListener();
            Watcher watcher = Watcher.start(ScreenFrames.region(w.bounds()), engine,
                    WatchSettings.standard(LinePolicy.QUEUE), heard);
            Thread.sleep(800);
            List<String> all = new ArrayList<>();
            long[] at = new long[16];
            for (int i = 0; i < 16; i++) {
                all.add(WatchScenariosTest.logLine(i));
                at[i] = w.show(all.subList(Math.max(0, all.size() - 8), all.size()));
                Thread.sleep(700);
            }
            heard.awaitLine(all.get(all.size() - 1), 2000);
            watcher.stop();
            watcher.awaitStop(java.time.Duration.ofSeconds(5));
            row("log, one line appended every 0.7 s, 8 visible", all, at, heard);
        }
    }

    private void counter(OcrEngine engine) throws Exception {
        try (TextWindow w = TextWindow.open("Installer", new Rectangle(100, 360, 520, 110),
                TestFonts.sans(Font.PLAIN, 22), Color.BLACK, Color.WHITE)) {
            RecordingListener heard = new RecordingListener();
            Watcher watcher = Watcher.start(ScreenFrames.region(w.bounds()), engine,
                    WatchSettings.standard(LinePolicy.LATEST_FIRST), heard);
            Thread.sleep(800);
            for (int p = 0; p <= 100; p++) {
                w.show(List.of("Installing packages", "Progress " + p + "%"));
                Thread.sleep(100);
            }
            heard.awaitLine("Progress 100%", 4000);
            watcher.stop();
            watcher.awaitStop(java.time.Duration.ofSeconds(5));
            List<String> told = heard.texts();
            long twice = told.size() - new HashSet<>(told).size();
            report.append(String.format(Locale.ROOT, "| counter 0-100 %% over 10 s (101 values) | 102 | %d | - | "
                    + "(by design: at most one value every 2.5 s; last told: %s) | %d | - | - |\n", told.size(),
                    told.isEmpty() ? "none" : told.get(told.size() - 1), twice));
        }
    }

    private void row(String scenario, List<String> shown, long[] at, RecordingListener heard) {
        List<String> told = heard.texts();
        Set<String> toldSet = new HashSet<>(told);
        long exact = shown.stream().filter(toldSet::contains).count();
        // A line counts as told when its words were told, a slip of the recogniser (a lost full stop) aside.
        Set<String> toldWords = new HashSet<>(told.stream().map(LiveModeBenchmark::words).toList());
        long missed = shown.stream().filter(s -> !toldWords.contains(words(s))).count();
        long twice = told.size() - toldWords.size();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            String s = words(shown.get(i));
            long changedAt = at[i];
            heard.heard().stream().filter(h -> words(h.line().text()).equals(s)).findFirst()
                    .ifPresent(h -> latencies.add((h.nanos() - changedAt) / 1_000_000));
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        report.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |\n", scenario,
                shown.size(), told.size(), exact, missed, twice, sorted.length == 0 ? -1 : sorted[sorted.length / 2],
                sorted.length == 0 ? -1 : sorted[sorted.length - 1]));
        System.out.println(scenario + ": told " + told + ", latencies " + latencies);
    }

    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private void still(OcrEngine engine, Rectangle area, String name) throws Exception {
        try (TextWindow w = TextWindow.open("Still", new Rectangle(60, 60, 640, 260), TestFonts.mono(16),
                Color.BLACK, Color.WHITE)) {
            w.show(List.of("Nothing moves here.", "A still terminal with a few lines.", "$ "));
            RecordingListener heard = new RecordingListener();
            Watcher watcher = Watcher.start(ScreenFrames.region(area), engine,
                    WatchSettings.standard(LinePolicy.QUEUE), heard);
            // The first read and the interval check come first; then 10 s of a still screen.
            Thread.sleep(4000);
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(10_000);
            long cpu = OS.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - t0;
            watcher.stop();
            watcher.awaitStop(java.time.Duration.ofSeconds(5));
            report.append(String.format(Locale.ROOT, "| %s | %d | %.1f |\n", name, watcher.interval().toMillis(),
                    100.0 * cpu / wall));
        }
    }

    private void reread(OcrEngine engine) {
        BufferedImage before = ScrolledPage.window(1, 20, 560);
        BufferedImage after = ScrolledPage.window(4, 20, 560);
        int reps = 5;
        double[] plain = new double[reps];
        double[] cached = new double[reps];
        long skipped = 0;
        long recognised = 0;
        engine.read(before, TaskContext.none());
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            engine.read(after, TaskContext.none());
            plain[r] = (System.nanoTime() - t) / 1e6;
            LineImageCache cache = new LineImageCache(100);
            OcrEngine withCache = engine.withLineCache(cache);
            withCache.read(before, TaskContext.none());
            long hits = cache.hits();
            long misses = cache.misses();
            t = System.nanoTime();
            withCache.read(after, TaskContext.none());
            cached[r] = (System.nanoTime() - t) / 1e6;
            skipped = cache.hits() - hits;
            recognised = cache.misses() - misses;
        }
        Arrays.sort(plain);
        Arrays.sort(cached);
        report.append("| re-read a 560x540 window of 20 lines after scrolling by 3 lines | lines recognised "
                + "| lines from the cache | time (ms, median of 5) |\n|---|---|---|---|\n");
        report.append(String.format(Locale.ROOT, "| without the cache | 20 | 0 | %.0f |\n", plain[reps / 2]));
        report.append(String.format(Locale.ROOT, "| with the line-image cache | %d | %d | %.0f |\n", recognised,
                skipped, cached[reps / 2]));
    }
}
