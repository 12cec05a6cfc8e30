package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;

/**
 * Headings and links of the element map with the text role model and with the rules alone, on the validation
 * packages of the page corpus (vision/scripts/corpus/split.txt), so that each kind of text is left to whichever
 * finds it better ({@link TextRoleChoice}). To measure the text judgement apart from OCR's errors, the lines
 * are the DOM's: the page's text runs joined into one line where they share a row and stand at most a line
 * height apart, as OCR's detector joins them; the element map then cuts and judges them as it does OCR's.
 * Scored as issue 13 asks: a truth heading or link (from the DOM, at least 90 % visible, with text) is found
 * when a predicted element of its type has its centre inside it; a prediction is right when its centre lies
 * inside a truth element of its type.
 * Run: {@code mvn -B -pl vision -am test -Dtest=TextRoleBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -DexcludedTestGroups= -Dgroups=bench -Dsightline.corpus=/work/corpus -Dsightline.corpus.pages=12}.
 */
@Tag("bench")
class TextRoleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ElementType> MEASURED = List.of(ElementType.HEADING, ElementType.LINK);

    /** Truth, found, predicted, right: per measured type, for one way of judging text. */
    private static final class Score {
        final int[][] counts = new int[MEASURED.size()][4];

        void add(List<JsonNode> truth, ElementMap map) {
            for (int t = 0; t < MEASURED.size(); t++) {
                ElementType type = MEASURED.get(t);
                String name = type.jsonName();
                List<Rectangle> real = truth.stream().filter(e -> e.get("type").asText().equals(name))
                        .map(e -> box(e.get("box"))).toList();
                List<Element> predicted = map.ofType(type);
                for (JsonNode e : truth) {
                    if (e.get("type").asText().equals(name) && e.get("visibleFraction").asDouble() >= 0.9
                            && !e.path("iconOnly").asBoolean(false) && !e.path("label").asText().isBlank()) {
                        counts[t][0]++;
                        Rectangle r = box(e.get("box"));
                        if (predicted.stream().anyMatch(p -> inside(p, r))) {
                            counts[t][1]++;
                        } else if (System.getenv("TEXT_ROLES_MISSES") != null) {
                            System.out.println("missed " + name + " '" + e.path("label").asText() + "' " + r + ": "
                                    + map.elements().stream().filter(p -> inside(p, r)).toList());
                        }
                    }
                }
                for (Element p : predicted) {
                    counts[t][2]++;
                    if (real.stream().anyMatch(r -> inside(p, r))) {
                        counts[t][3]++;
                    }
                }
            }
        }

        String report(String title) {
            StringBuilder s = new StringBuilder(title);
            for (int t = 0; t < MEASURED.size(); t++) {
                int[] c = counts[t];
                s.append(String.format(Locale.ROOT, "%n  %-8s truth %5d recall %.3f precision %.3f (%d predicted)",
                        MEASURED.get(t).jsonName(), c[0], c[1] / Math.max(1.0, c[0]), c[3] / Math.max(1.0, c[2]),
                        c[2]));
            }
            return s.toString();
        }
    }

    @Test
    void modelAgainstRulesOnTheValidationPackages() throws Exception {
        Path corpus = Path.of(System.getProperty("sightline.corpus", "/work/corpus"));
        int perPackage = Integer.getInteger("sightline.corpus.pages", 12);
        List<String> validation = Files.readAllLines(Path.of("scripts/corpus/split.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
        Score model = new Score();
        Score rules = new Score();
        Optional<TextRoleModel> shipped = TextRoleModel.shipped();
        assertThat(shipped).as("the shipped text role model").isPresent();
        int pages = 0;
        long modelNanos = 0;
        long rulesNanos = 0;
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
                OcrResult lines = domLines(truth, image);
                Capture capture = Capture.ofImage(image, CaptureSource.FILE, json.getFileName().toString());
                List<JsonNode> elements = new ArrayList<>();
                truth.get("elements").forEach(elements::add);
                long start = System.nanoTime();
                model.add(elements, ElementFinder.analyse(capture, lines, TaskContext.none(), shipped));
                long middle = System.nanoTime();
                rules.add(elements, ElementFinder.analyse(capture, lines, TaskContext.none(), Optional.empty()));
                modelNanos += middle - start;
                rulesNanos += System.nanoTime() - middle;
                pages++;
            }
        }
        System.out.println("validation pages: " + pages);
        System.out.println(model.report("model + rules:"));
        System.out.println(rules.report("rules alone:"));
        System.out.printf(Locale.ROOT, "mean analysis time per page: %.0f ms with the model, %.0f ms with rules alone%n",
                modelNanos / 1e6 / Math.max(1, pages), rulesNanos / 1e6 / Math.max(1, pages));
        assertThat(pages).as("validation pages under " + corpus).isPositive();
    }

    /** The page's text runs joined into lines as OCR's detector would join them. */
    static OcrResult domLines(JsonNode truth, BufferedImage image) {
        List<TextLine> lines = new ArrayList<>();
        Rectangle current = null;
        StringBuilder text = new StringBuilder();
        Rectangle bounds = new Rectangle(0, 0, image.getWidth(), image.getHeight());
        for (JsonNode run : truth.get("runs")) {
            Rectangle b = box(run.get("box")).intersection(bounds);
            String t = run.get("text").asText().strip();
            if (t.isEmpty() || b.isEmpty() || b.height < 6) {
                continue;
            }
            if (current != null && sameRow(current, b) && b.x - (current.x + current.width) <= current.height
                    && b.x >= current.x) {
                current = current.union(b);
                text.append(' ').append(t);
                continue;
            }
            if (current != null) {
                lines.add(line(text.toString(), current));
            }
            current = b;
            text = new StringBuilder(t);
        }
        if (current != null) {
            lines.add(line(text.toString(), current));
        }
        return new OcrResult(List.of(TextBlock.of(lines)), image.getWidth(), image.getHeight(), Duration.ZERO);
    }

    private static TextLine line(String text, Rectangle box) {
        return new TextLine(text, box, 1.0, Collections.nCopies(text.length(), 1f));
    }

    private static boolean sameRow(Rectangle a, Rectangle b) {
        int top = Math.max(a.y, b.y);
        int bottom = Math.min(a.y + a.height, b.y + b.height);
        return bottom - top >= 0.5 * Math.min(a.height, b.height);
    }

    private static boolean inside(Element p, Rectangle r) {
        Rectangle b = p.imageBox();
        return r.contains(b.getCenterX(), b.getCenterY());
    }

    private static Rectangle box(JsonNode b) {
        return new Rectangle(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(), b.get("height").asInt());
    }
}
