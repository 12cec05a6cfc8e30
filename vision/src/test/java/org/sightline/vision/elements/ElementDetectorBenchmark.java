package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.elements.ElementDetections.Kind;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.OcrResult;

/**
 * Buttons, fields, checkboxes, radio buttons and pictures of the element map with the rules alone and with the
 * learned element detector added ({@link LearnedControls}), on the validation packages of the page corpus, so
 * that each type is left to whichever finds it better. The lines are the DOM's (as in {@link TextRoleBenchmark})
 * to keep OCR's errors out. A truth element at least 90 % visible is found when a predicted element of its type
 * has its centre inside it, or (the stricter rule of docs/benchmarks.md) overlaps it by IoU >= 0.5; a prediction
 * is right when its centre lies inside a truth element of its type, or it overlaps one by IoU >= 0.5. Icons and
 * images are both Sightline's {@code image}.
 * Run: {@code mvn -B -pl vision -am test -Dtest=ElementDetectorBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench -Dsightline.corpus=/work/corpus -Dsightline.corpus.pages=12}.
 */
@Tag("bench")
class ElementDetectorBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ElementType> MEASURED = List.of(ElementType.BUTTON, ElementType.FIELD,
            ElementType.CHECKBOX, ElementType.RADIO, ElementType.IMAGE);
    private static final Map<String, ElementType> TRUTH_TYPES = Map.of("button", ElementType.BUTTON,
            "field", ElementType.FIELD, "checkbox", ElementType.CHECKBOX, "radio", ElementType.RADIO,
            "image", ElementType.IMAGE, "icon", ElementType.IMAGE);

    /** Per measured type: truth, found (centre), found (IoU), predicted, right (centre), right (IoU). */
    private static final class Score {
        final int[][] counts = new int[MEASURED.size()][6];
        long nanos;

        void add(List<JsonNode> truth, ElementMap map) {
            for (int t = 0; t < MEASURED.size(); t++) {
                ElementType type = MEASURED.get(t);
                List<JsonNode> real = truth.stream()
                        .filter(e -> TRUTH_TYPES.get(e.get("type").asText()) == type).toList();
                List<Rectangle> predicted = map.ofType(type).stream().map(Element::imageBox).toList();
                for (JsonNode e : real) {
                    if (e.get("visibleFraction").asDouble() >= 0.9) {
                        Rectangle r = box(e.get("box"));
                        counts[t][0]++;
                        counts[t][1] += predicted.stream().anyMatch(p -> centreIn(p, r)) ? 1 : 0;
                        counts[t][2] += predicted.stream().anyMatch(p -> ElementFinder.iou(p, r) >= 0.5) ? 1 : 0;
                    }
                }
                for (Rectangle p : predicted) {
                    counts[t][3]++;
                    counts[t][4] += real.stream().anyMatch(e -> centreIn(p, box(e.get("box")))) ? 1 : 0;
                    counts[t][5] += real.stream().anyMatch(e -> ElementFinder.iou(p, box(e.get("box"))) >= 0.5) ? 1 : 0;
                }
            }
        }

        String report(String title, int pages) {
            StringBuilder s = new StringBuilder(title).append(String.format(Locale.ROOT,
                    " (%.0f ms per page)%n  | type | truth | recall | precision | recall IoU>=0.5 | precision IoU>=0.5 | predicted |",
                    nanos / 1e6 / Math.max(1, pages)));
            for (int t = 0; t < MEASURED.size(); t++) {
                int[] c = counts[t];
                double n = Math.max(1.0, c[0]);
                double p = Math.max(1.0, c[3]);
                s.append(String.format(Locale.ROOT, "%n  | %s | %d | %.3f | %.3f | %.3f | %.3f | %d |",
                        MEASURED.get(t).jsonName(), c[0], c[1] / n, c[4] / p, c[2] / n, c[5] / p, c[3]));
            }
            return s.toString();
        }
    }

    @Test
    void detectorAgainstRulesOnTheValidationPackages() throws Exception {
        Path corpus = Path.of(System.getProperty("sightline.corpus", "/work/corpus"));
        int perPackage = Integer.getInteger("sightline.corpus.pages", 12);
        List<String> validation = Files.readAllLines(Path.of("scripts/corpus/split.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
        Optional<ElementDetector> detector = ElementDetector.shipped();
        assertThat(detector).as("the shipped element detector").isPresent();
        Optional<TextRoleModel> roles = TextRoleModel.shipped();
        Map<String, Set<Kind>> configs = new java.util.LinkedHashMap<>();
        configs.put("rules alone", EnumSet.noneOf(Kind.class));
        configs.put("rules + detector (all kinds)", EnumSet.of(Kind.BUTTON, Kind.ICON_BUTTON, Kind.FIELD, Kind.ICON,
                Kind.IMAGE));
        configs.put("rules + detector (shipped choice)", LearnedControls.USED);
        Map<String, Score> scores = new java.util.LinkedHashMap<>();
        configs.keySet().forEach(k -> scores.put(k, new Score()));
        int pages = 0;
        for (String pkg : validation) {
            Path dir = corpus.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> truths;
            try (Stream<Path> files = Files.list(dir)) {
                truths = new ArrayList<>(files.filter(p -> p.toString().endsWith(".json")).sorted().toList());
            }
            Collections.shuffle(truths, new java.util.Random(pkg.hashCode()));
            for (Path json : truths.subList(0, Math.min(perPackage, truths.size()))) {
                JsonNode truth = JSON.readTree(json.toFile());
                BufferedImage image = ImageFiles.read(Path.of(json.toString().replace(".json", ".png")));
                OcrResult lines = TextRoleBenchmark.domLines(truth, image);
                Capture capture = Capture.ofImage(image, CaptureSource.FILE, json.getFileName().toString());
                List<JsonNode> elements = new ArrayList<>();
                truth.get("elements").forEach(elements::add);
                for (Map.Entry<String, Set<Kind>> config : configs.entrySet()) {
                    long start = System.nanoTime();
                    ElementMap map = ElementFinder.analyse(capture, lines, TaskContext.none(), roles, detector,
                            config.getValue());
                    Score score = scores.get(config.getKey());
                    score.nanos += System.nanoTime() - start;
                    score.add(elements, map);
                }
                pages++;
            }
        }
        System.out.println("validation pages: " + pages);
        for (Map.Entry<String, Score> s : scores.entrySet()) {
            System.out.println(s.getValue().report(s.getKey(), pages));
        }
        assertThat(pages).as("validation pages under " + corpus).isPositive();
    }

    private static boolean centreIn(Rectangle p, Rectangle r) {
        return r.contains(p.getCenterX(), p.getCenterY());
    }

    private static Rectangle box(JsonNode b) {
        return new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(), b.get("height").asInt());
    }
}
