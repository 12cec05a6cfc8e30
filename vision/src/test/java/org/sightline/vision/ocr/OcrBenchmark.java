package org.sightline.vision.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.task.TaskContext;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.ppocr.PpOcrEngine;

/**
 * Quality and speed of text reading on screenshots of real-looking web pages, against Tesseract 5 in the same
 * run. Pages under {@code src/test/bench-ocr/pages} are rendered by headless Chromium at 1280x1600; the
 * page's own text is the truth. Results go to {@code target/bench-ocr/results.md}. Run with:
 * {@code mvn -B -pl vision -am test -Dtest=OcrBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench}.
 */
@Tag("bench")
public class OcrBenchmark {

    private static final Path PAGES = Path.of("src/test/bench-ocr/pages");
    /** Pages written after the engine was tuned on {@link #PAGES}, to see how far the tuning carries. */
    private static final Path HELD_OUT = Path.of("src/test/bench-ocr/held-out");
    private static final Path OUT = Path.of("target/bench-ocr");
    private static final int REPS = Integer.getInteger("bench.reps", 2);

    public record Score(double recall, double precision, double cer) {
    }

    record Row(String page, Score ours, Score tess, double oursSeconds, double oneCoreSeconds,
               double firstLineSeconds, double tessSeconds, double oursCpu, double tessCpu) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    @Test
    void screenshotsOfWebPages() throws Exception {
        assumeTrue(onPath("chromium"), "chromium is not installed (apt-get install -y chromium)");
        assumeTrue(onPath("tesseract"), "tesseract is not installed (apt-get install -y tesseract-ocr)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "/usr/bin/time is missing (apt-get install time)");
        Files.createDirectories(OUT);
        List<Path> pages = htmlPages(PAGES);
        List<Path> heldOut = htmlPages(HELD_OUT);
        for (Path page : concat(pages, heldOut)) {
            render(page, OUT.resolve(name(page) + ".png"));
        }
        List<Row> rows = new ArrayList<>();
        List<Row> heldOutRows = new ArrayList<>();
        OcrModelFiles files = BundledOcrModels.extractTo(OUT.resolve("models"));
        // As the app runs it (up to four cores), and on one core for a like-for-like look at Tesseract's.
        try (OcrEngine engine = PpOcrEngine.load(files); OcrEngine oneCore = PpOcrEngine.load(files, 1)) {
            // Warm up once: the app keeps the models loaded, so only warm reading counts.
            BufferedImage first = ImageFiles.read(OUT.resolve(name(pages.get(0)) + ".png"));
            engine.read(first, TaskContext.none());
            oneCore.read(first, TaskContext.none());
            for (Path page : pages) {
                rows.add(measure(engine, oneCore, page));
            }
            for (Path page : heldOut) {
                heldOutRows.add(measure(engine, oneCore, page));
            }
        }
        String table = "Pages used while tuning:\n\n" + table(rows)
                + "\nHeld-out pages (not looked at while tuning):\n\n" + table(heldOutRows);
        Files.writeString(OUT.resolve("results.md"), table, StandardCharsets.UTF_8);
        System.out.println(table);
        assertThat(rows).hasSize(pages.size());
    }

    private static List<Path> htmlPages(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Row measure(OcrEngine engine, OcrEngine oneCore, Path page) throws Exception {
        String name = name(page);
        Path png = OUT.resolve(name + ".png");
        String truth = truthText(Files.readString(page, StandardCharsets.UTF_8));
        Files.writeString(OUT.resolve(name + ".truth.txt"), truth, StandardCharsets.UTF_8);
        BufferedImage image = ImageFiles.read(png);
        double best = Double.MAX_VALUE;
        double bestFirst = Double.MAX_VALUE;
        double bestTess = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double bestTessCpu = Double.MAX_VALUE;
        double bestOneCore = Double.MAX_VALUE;
        String ours = "";
        String tess = "";
        for (int rep = 0; rep < REPS; rep++) {
            // Alternate the two engines so both see the same machine load.
            long t0 = System.nanoTime();
            Path cpuFile = OUT.resolve(name + ".tesseract.cpu");
            tess = tesseract(png, cpuFile);
            bestTess = Math.min(bestTess, (System.nanoTime() - t0) / 1e9);
            String[] cpu = Files.readString(cpuFile).strip().split("\\s+");
            bestTessCpu = Math.min(bestTessCpu, Double.parseDouble(cpu[cpu.length - 2])
                    + Double.parseDouble(cpu[cpu.length - 1]));

            long[] first = {0};
            long cpu0 = OS.getProcessCpuTime();
            long start = System.nanoTime();
            OcrResult result = engine.read(image, (line, at) -> {
                if (at.index() == 0) {
                    first[0] = System.nanoTime();
                }
            }, TaskContext.none());
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            bestCpu = Math.min(bestCpu, (OS.getProcessCpuTime() - cpu0) / 1e9);
            bestFirst = Math.min(bestFirst, (first[0] - start) / 1e9);
            ours = result.text();

            start = System.nanoTime();
            oneCore.read(image, TaskContext.none());
            bestOneCore = Math.min(bestOneCore, (System.nanoTime() - start) / 1e9);
        }
        Files.writeString(OUT.resolve(name + ".sightline.txt"), ours, StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve(name + ".tesseract.txt"), tess, StandardCharsets.UTF_8);
        return new Row(name, score(ours, truth), score(tess, truth), best, bestOneCore, bestFirst, bestTess, bestCpu,
                bestTessCpu);
    }

    public static Score score(String ocr, String truth) {
        List<String> o = words(ocr);
        List<String> t = words(truth);
        Map<String, Integer> counts = new HashMap<>();
        for (String w : t) {
            counts.merge(w, 1, Integer::sum);
        }
        int hits = 0;
        for (String w : o) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                hits++;
                counts.put(w, c - 1);
            }
        }
        String on = String.join(" ", o);
        String tn = String.join(" ", t);
        return new Score(t.isEmpty() ? 1 : (double) hits / t.size(), o.isEmpty() ? 0 : (double) hits / o.size(),
                tn.isEmpty() ? 0 : (double) levenshtein(on, tn) / tn.length());
    }

    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|br|blockquote|nav|aside|main|footer|header|pre|section)"
                    + "\\b[^>]*>");

    /** The visible text of a page: head, styles and tags removed, block elements separated, entities decoded. */
    static String truthText(String html) {
        String s = html.replaceAll("(?is)<head>.*?</head>", " ").replaceAll("(?is)<(style|script)\\b.*?</\\1>", " ");
        s = BLOCK_TAG.matcher(s).replaceAll("\n");
        s = s.replaceAll("(?s)<[^>]+>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String t = line.strip().replaceAll("\\s+", " ");
            if (!t.isEmpty()) {
                out.append(t).append('\n');
            }
        }
        return out.toString();
    }

    private static void render(Path html, Path png) throws Exception {
        Path profile = Files.createTempDirectory("bench-chromium");
        run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1600",
                html.toAbsolutePath().toUri().toString()), Map.of());
        assertThat(png).exists();
    }

    /** Tesseract's text; its CPU seconds (user and system) go to {@code cpuFile} through /usr/bin/time. */
    private static String tesseract(Path png, Path cpuFile) throws Exception {
        return run(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString(), "tesseract", png.toString(),
                "stdout", "-l", "eng"), Map.of("OMP_THREAD_LIMIT", "1"));
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command.get(0));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String name(Path page) {
        String f = page.getFileName().toString();
        return f.substring(0, f.lastIndexOf('.'));
    }

    private static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| page | word recall S / T | word precision S / T | CER S / T | wall s S / S 1 core / T "
                + "| CPU s S / T | first line s S |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        double[] sum = new double[12];
        for (Row r : rows) {
            double[] v = {r.ours().recall(), r.tess().recall(), r.ours().precision(), r.tess().precision(),
                100 * r.ours().cer(), 100 * r.tess().cer(), r.oursSeconds(), r.oneCoreSeconds(), r.tessSeconds(),
                r.oursCpu(), r.tessCpu(), r.firstLineSeconds()};
            sb.append(line(r.page(), v));
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i] / rows.size();
            }
        }
        sb.append(line("**mean**", sum));
        return sb.toString();
    }

    private static String line(String name, double[] v) {
        return String.format(Locale.ROOT, "| %s | %.3f / %.3f | %.3f / %.3f | %.1f%% / %.1f%% | %.2f / %.2f / %.2f "
                + "| %.2f / %.2f | %.2f |%n", name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                v[11]);
    }
}
