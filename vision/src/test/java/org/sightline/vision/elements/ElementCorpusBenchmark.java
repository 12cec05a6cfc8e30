package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.OcrCache;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.regions.RegionFinder;

/**
 * The element map as a user gets it, with real OCR, on the validation packages of the page corpus
 * (vision/scripts/corpus/split.txt) and, reported apart as a regression set, on the seven pages the team wrote
 * (src/test/bench-elements, rendered by its render.sh into target/bench-elements). Scored by {@link ElementTally}.
 * <p>
 * From each validation package the first {@code sightline.corpus.pages} screenshots in name order (8 unless
 * set): a fixed sample, the same pages whose OCR {@code PageCorpusBenchmark} caches, since OCR of the whole split
 * takes hours on two cores. OCR goes through the one cache of benchmark screenshots (target/corpus-ocr, see
 * {@link OcrCache}); its time is the recognition time recorded when the page was first read. Regions and the
 * element map are timed here, after one untimed page that loads the models.
 * <p>
 * Run: {@code mvn -B -pl vision -am test -Dtest=ElementCorpusBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench -Dsightline.corpus=/work/corpus} (add
 * {@code -Dsightline.elements.rulesOnly=true} for the map without the text role model, and
 * {@code -Dsightline.elements.fields=RULES,DETECTOR,...} to compare where text fields come from, one table
 * each after the shipped map's, and {@code -Dsightline.corpus.split=training} to measure the training packages
 * instead, where rules may be tuned); the tables also go to target/corpus-ocr/elements.md, and every missed
 * truth element and wrong prediction, with what was mapped there, to target/corpus-ocr/elements-misses.tsv.
 */
@Tag("bench")
class ElementCorpusBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * With {@code -Dsightline.roles.dump=DIR}: what the text role model is asked on each page (every piece's box and
     * text), written to DIR/PACKAGE/PAGE.json, from which vision/scripts/text-roles/ocr_dataset.py makes samples.
     */
    private static final String ROLE_DUMP = System.getProperty("sightline.roles.dump");
    /** Where recognised pages are kept; another folder ({@code -Dsightline.corpus.ocr}) for a corpus whose page
     *  names repeat another's. */
    private static final Path CACHE = Path.of(System.getProperty("sightline.corpus.ocr", "target/corpus-ocr"));
    private static final double PAGE_PIXELS = 1280 * 1600;
    /** {@code -Dsightline.elements.rulesOnly=true}: the map without the text role model, to compare. */
    private static final boolean RULES_ONLY = Boolean.getBoolean("sightline.elements.rulesOnly");
    /** {@code -Dsightline.elements.fields=A,B}: other sources of text fields to score besides the shipped one. */
    private static final List<LearnedControls.FieldSource> FIELD_SOURCES = Stream.of(
                    System.getProperty("sightline.elements.fields", "").split(","))
            .map(String::strip).filter(f -> !f.isEmpty()).map(LearnedControls.FieldSource::valueOf).toList();

    /** Times summed over pages: all pages, and those exactly 1280x1600. */
    private static final class Timing {
        int pages;
        double ocrMillis;
        double regionMillis;
        double elementMillis;
        double scaledMillis;
        int fullSizePages;
        double fullSizeMillis;

        void add(BufferedImage image, double ocr, double regions, double elements) {
            pages++;
            ocrMillis += ocr;
            regionMillis += regions;
            elementMillis += elements;
            double total = ocr + regions + elements;
            scaledMillis += total * PAGE_PIXELS / ((double) image.getWidth() * image.getHeight());
            if (image.getWidth() == 1280 && image.getHeight() == 1600) {
                fullSizePages++;
                fullSizeMillis += total;
            }
        }

        String report() {
            int n = Math.max(1, pages);
            return String.format(Locale.ROOT, "Per page (mean of %d): OCR %.0f ms, regions %.0f ms, elements %.0f ms;"
                            + " all three scaled to a 1280x1600 page by its pixels: %.0f ms; on the %d pages that are"
                            + " 1280x1600: %s%n", pages, ocrMillis / n, regionMillis / n, elementMillis / n,
                    scaledMillis / n, fullSizePages,
                    fullSizePages == 0 ? "-" : String.format(Locale.ROOT, "%.0f ms", fullSizeMillis / fullSizePages));
        }
    }

    @Test
    void elementMapWithRealOcr() throws Exception {
        Path corpus = Path.of(System.getProperty("sightline.corpus", "/work/corpus"));
        int perPackage = Integer.getInteger("sightline.corpus.pages", 8);
        boolean training = "training".equals(System.getProperty("sightline.corpus.split", "validation"));
        List<String> validationPackages = Files.readAllLines(Path.of("scripts/corpus/split.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        List<String> packages;
        try (Stream<Path> dirs = Files.list(corpus)) {
            packages = training
                    ? dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                            .filter(d -> !validationPackages.contains(d)).sorted().toList()
                    : validationPackages;
        }
        List<Path> pages = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = corpus.resolve(pkg);
            if (Files.isDirectory(dir)) {
                pages.addAll(screenshots(dir, ".json").stream().limit(perPackage).toList());
            }
        }
        assertThat(pages).as((training ? "training" : "validation") + " screenshots under " + corpus).isNotEmpty();
        Path team = Path.of(System.getProperty("sightline.bench.elements", "target/bench-elements"));
        List<Path> teamPages = Files.isDirectory(team) ? screenshots(team, ".truth.json") : List.of();
        ElementTally validation = new ElementTally();
        ElementTally regression = new ElementTally();
        Map<LearnedControls.FieldSource, ElementTally> byFieldSource = new LinkedHashMap<>();
        FIELD_SOURCES.forEach(f -> byFieldSource.put(f, new ElementTally()));
        Timing timing = new Timing();
        try (OcrCache ocr = new OcrCache(CACHE.resolve("models"))) {
            measure(ocr, pages.get(0), ".json", new ElementTally(), new Timing()); // loads the models, untimed
            for (Path png : pages) {
                measure(ocr, png, ".json", validation, timing);
                for (Map.Entry<LearnedControls.FieldSource, ElementTally> f : byFieldSource.entrySet()) {
                    measure(ocr, png, ".json", f.getValue(), new Timing(), f.getKey());
                }
            }
            for (Path png : teamPages) {
                measure(ocr, png, ".truth.json", regression, new Timing());
            }
        }
        StringBuilder fieldTables = new StringBuilder();
        byFieldSource.forEach((f, tally) -> fieldTables.append(String.format(Locale.ROOT,
                "Validation split, text fields from %s:%n%n%s%n", f, tally.table())));
        String report = fieldTables + String.format(Locale.ROOT, "%s split, %d pages (%d per package):%n%n%s%n%s%n"
                        + "Why elements were missed:%n%n%s%n%s%n"
                        + "Team-written pages (regression set), %d pages:%n%n%s", training ? "Training" : "Validation",
                validation.pages(), perPackage, validation.table(), validation.stateLine(), validation.missTable(),
                timing.report(), regression.pages(),
                teamPages.isEmpty() ? "(not rendered: run src/test/bench-elements/render.sh)\n"
                        : regression.table() + "\n" + regression.stateLine());
        System.out.println(report);
        Files.writeString(CACHE.resolve("elements.md"), report);
        Files.write(CACHE.resolve("elements-misses.tsv"), validation.missLog());
    }

    /** Maps one screenshot with its cached OCR, timing regions and elements, and scores it against its truth. */
    private static void measure(OcrCache ocrCache, Path png, String truthSuffix, ElementTally tally, Timing timing)
            throws IOException {
        measure(ocrCache, png, truthSuffix, tally, timing, LearnedControls.FieldSource.SHIPPED);
    }

    /** As above with the text fields taken from {@code fields}. */
    private static void measure(OcrCache ocrCache, Path png, String truthSuffix, ElementTally tally, Timing timing,
                                LearnedControls.FieldSource fields) throws IOException {
        String name = png.getFileName().toString().replace(".png", "");
        Path cache = CACHE.resolve(png.getParent().getFileName().toString()).resolve(name + ".ocr.json");
        Files.createDirectories(cache.getParent());
        BufferedImage image = ImageFiles.read(png);
        OcrResult ocr = ocrCache.read(image, cache);
        List<Map<String, Object>> questions = new ArrayList<>();
        boolean dump = ROLE_DUMP != null && fields == LearnedControls.FieldSource.SHIPPED
                && truthSuffix.equals(".json");
        if (dump) {
            TextTyper.roleQuestions = (boxes, texts, free) -> questions.add(Map.of("free", free, "texts", texts,
                    "boxes", boxes.stream().map(b -> List.of(b.x, b.y, b.width, b.height)).toList()));
        }
        long start = System.nanoTime();
        RegionFinder.find(image, ocr.lines().stream().map(TextLine::box).toList());
        long regions = System.nanoTime();
        ElementMap map;
        try {
            map = ElementFinder.analyse(Capture.ofImage(image, CaptureSource.FILE, name), ocr,
                    TaskContext.none(), RULES_ONLY ? Optional.empty() : TextRoleModel.shipped(),
                    ElementDetector.shipped(), LearnedControls.USED, fields);
        } finally {
            TextTyper.roleQuestions = null;
        }
        long end = System.nanoTime();
        if (dump) {
            Path out = Path.of(ROLE_DUMP).resolve(png.getParent().getFileName().toString()).resolve(name + ".json");
            Files.createDirectories(out.getParent());
            JSON.writeValue(out.toFile(), Map.of("png", png.toAbsolutePath().toString(), "questions", questions));
        }
        timing.add(image, ocr.elapsed().toMillis(), (regions - start) / 1e6, (end - regions) / 1e6);
        JsonNode truth = JSON.readTree(png.resolveSibling(name + truthSuffix).toFile());
        List<ElementTally.Truth> elements = new ArrayList<>();
        truth.get("elements").forEach(e -> ElementTally.Truth.of(e, image.getWidth(), image.getHeight())
                .ifPresent(elements::add));
        tally.add(png.getParent().getFileName() + "/" + name, elements, map);
    }

    /** The screenshots in {@code dir} that have a truth file, in name order. */
    private static List<Path> screenshots(Path dir, String truthSuffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png"))
                    .filter(p -> Files.exists(Path.of(p.toString().replace(".png", truthSuffix)))).sorted().toList();
        }
    }
}
