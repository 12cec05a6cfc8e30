package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.OcrCache;
import org.sightline.vision.ocr.OcrResult;

/**
 * Per-type recall and precision of the element map on pages rendered by headless Chromium, against the
 * boxes and roles their DOM reports (see src/test/bench-elements/render.sh). An element is found when a
 * predicted element of the same type overlaps it with IoU at least 0.5 (one prediction per truth element).
 * Run: vision/src/test/bench-elements/render.sh, then
 * {@code mvn -B -pl vision -am test -Dtest=ElementMapBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench}. OCR results are cached next to the screenshots (NAME.ocr.json)
 * so that tuning the analysis does not rerun OCR; delete them after an OCR change.
 */
@Tag("bench")
class ElementMapBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ElementType> MEASURED = List.of(ElementType.HEADING, ElementType.LINK,
            ElementType.BUTTON, ElementType.FIELD, ElementType.CHECKBOX, ElementType.RADIO, ElementType.IMAGE);

    @Test
    void recallAndPrecisionPerType() throws Exception {
        Path dir = Path.of(System.getProperty("sightline.bench.elements", "target/bench-elements"));
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pages).as("screenshots in " + dir.toAbsolutePath() + " (run render.sh first)").isNotEmpty();
        Map<ElementType, int[]> counts = new EnumMap<>(ElementType.class); // truth, found, predicted, correct
        MEASURED.forEach(t -> counts.put(t, new int[4]));
        long analysisMillis = 0;
        try (OcrCache ocrCache = new OcrCache(dir.resolve("models"))) {
            for (Path png : pages) {
                String name = png.getFileName().toString().replace(".png", "");
                BufferedImage image = ImageFiles.read(png);
                OcrResult ocr = ocrCache.read(image, dir.resolve(name + ".ocr.json"));
                long start = System.nanoTime();
                ElementMap map = ElementFinder.analyse(Capture.ofImage(image, CaptureSource.FILE, name), ocr,
                        TaskContext.none());
                analysisMillis += (System.nanoTime() - start) / 1_000_000;
                List<JsonNode> truth = new ArrayList<>();
                for (JsonNode e : JSON.readTree(dir.resolve(name + ".truth.json").toFile()).get("elements")) {
                    Rectangle b = box(e.get("box"));
                    if (b.x >= 0 && b.y >= 0 && b.x + b.width <= image.getWidth()
                            && b.y + b.height <= image.getHeight()) {
                        truth.add(e);
                    }
                }
                for (ElementType type : MEASURED) {
                    score(name, type, truth, map, counts.get(type));
                }
            }
        }
        StringBuilder table = new StringBuilder("| Type | In pages | Found | Recall | Predicted | Precision |\n"
                + "|---|---|---|---|---|---|\n");
        for (ElementType type : MEASURED) {
            int[] c = counts.get(type);
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %s |%n", type.jsonName(), c[0], c[1],
                    ratio(c[1], c[0]), c[2], ratio(c[3], c[2])));
        }
        table.append(String.format(Locale.ROOT, "%nPages: %d; analysis after OCR: %d ms per page%n", pages.size(),
                analysisMillis / pages.size()));
        System.out.println(table);
        Files.writeString(dir.resolve("results.md"), table);
    }

    private static void score(String page, ElementType type, List<JsonNode> truth, ElementMap map, int[] c) {
        List<JsonNode> ofType = truth.stream().filter(e -> e.get("type").asText().equals(type.jsonName())).toList();
        List<Rectangle> expected = ofType.stream().filter(e -> !e.path("wrapped").asBoolean())
                .map(e -> box(e.get("box"))).toList();
        // Text wrapped onto two lines has no single box in the DOM: guesses on it count neither way.
        List<Rectangle> wrapped = ofType.stream().filter(e -> e.path("wrapped").asBoolean())
                .map(e -> box(e.get("box"))).toList();
        List<Element> predicted = map.ofType(type).stream().filter(p -> wrapped.stream()
                .noneMatch(w -> w.contains(p.imageBox().getCenterX(), p.imageBox().getCenterY()))).toList();
        boolean[] used = new boolean[predicted.size()];
        c[0] += expected.size();
        c[2] += predicted.size();
        for (Rectangle want : expected) {
            int best = -1;
            double bestIou = 0.5;
            for (int i = 0; i < predicted.size(); i++) {
                double iou = ElementFinder.iou(want, predicted.get(i).imageBox());
                if (!used[i] && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used[best] = true;
                c[1]++;
                c[3]++;
            } else {
                System.out.println("missed " + page + " " + type.jsonName() + " " + want + " "
                        + truth.stream().filter(e -> box(e.get("box")).equals(want)).findFirst()
                                .map(e -> e.get("label").asText()).orElse(""));
            }
        }
        for (int i = 0; i < predicted.size(); i++) {
            if (!used[i]) {
                System.out.println("extra  " + page + " " + type.jsonName() + " " + predicted.get(i).imageBox() + " "
                        + predicted.get(i).label());
            }
        }
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }

    private static Rectangle box(JsonNode b) {
        return new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(), b.get("height").asInt());
    }
}
