package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.vision.elements.ElementDetections.Detection;
import org.sightline.vision.elements.ElementDetections.Kind;

/**
 * The shipped element detector against the Python script that trained it: on committed screenshots from the
 * corpus's training packages, the Java input equals numpy's, each graph's outputs equal PyTorch's, and the
 * decoded detections are the same (fixtures written by {@code vision/scripts/elements-detector/golden.py}:
 * {@code detector-PAGE.json} for the graph {@code element-detector}, {@code controls-PAGE.json} for
 * {@code element-controls}).
 */
class ElementDetectorTest {

    static final String CORPUS = "corpus/";
    static final List<String> PAGES = List.of("libjs-bootstrap4-005-1", "python-biopython-doc-000-1",
            "python-attr-doc-006-1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fixture: the screenshot and what Python computed for it. */
    record Golden(BufferedImage image, JsonNode node) {

        static Golden read(String page) throws IOException {
            return read("detector", page);
        }

        static Golden read(String fixture, String page) throws IOException {
            JsonNode node;
            String name = CORPUS + fixture + "-" + page + ".json";
            try (InputStream in = ElementDetectorTest.class.getResourceAsStream(name)) {
                node = JSON.readTree(in);
            }
            try (InputStream in = ElementDetectorTest.class.getResourceAsStream(CORPUS + page + ".png")) {
                return new Golden(ImageIO.read(in), node);
            }
        }

        /** The page's truth elements of corpus type {@code type} (with {@code iconOnly} for icon buttons). */
        List<Rectangle> truth(String type, boolean iconOnly) {
            List<Rectangle> boxes = new ArrayList<>();
            for (JsonNode e : node.get("truth")) {
                if (e.get("type").asText().equals(type) && e.get("iconOnly").asBoolean() == iconOnly) {
                    JsonNode b = e.get("box");
                    boxes.add(new Rectangle(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt()));
                }
            }
            return boxes;
        }
    }

    private static ElementDetector detector() {
        return ElementDetector.shipped().orElseThrow(() -> new AssertionError("the shipped element detector"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"libjs-bootstrap4-005-1", "python-biopython-doc-000-1", "python-attr-doc-006-1"})
    void theInputIsNumpys(String page) throws IOException {
        Golden g = Golden.read(page);
        ElementDetectorInput input = ElementDetectorInput.of(new Pixels(g.image()), 0, ElementDetector.BAND);
        JsonNode shape = g.node().get("inputShape");
        assertThat(new int[] {input.height, input.width}).containsExactly(shape.get(1).asInt(), shape.get(2).asInt());
        double sum = 0;
        for (float v : input.values) {
            sum += v;
        }
        assertThat(sum).isCloseTo(g.node().get("inputSum").asDouble(), offset(1e-2));
        JsonNode probes = g.node().get("inputProbes");
        for (int i = 0; i < probes.size(); i++) {
            JsonNode want = g.node().get("inputValues").get(i);
            if (want.isNull()) {
                continue;
            }
            JsonNode p = probes.get(i);
            int at = (p.get(0).asInt() * input.height + p.get(1).asInt()) * input.width + p.get(2).asInt();
            assertThat((double) input.values[at]).as("input at %s", p).isCloseTo(want.asDouble(), offset(1e-6));
        }
    }

    @ParameterizedTest
    @CsvSource({"element-detector, detector, libjs-bootstrap4-005-1",
                "element-detector, detector, python-biopython-doc-000-1",
                "element-detector, detector, python-attr-doc-006-1",
                "element-controls, controls, libjs-bootstrap4-005-1",
                "element-controls, controls, python-biopython-doc-000-1",
                "element-controls, controls, python-attr-doc-006-1"})
    void eachGraphAndTheDecodingGivePythonsDetections(String graphName, String fixture, String page)
            throws IOException {
        Golden g = Golden.read(fixture, page);
        Pixels pixels = new Pixels(g.image());
        ElementDetector.Graph graph = detector().graph(graphName);
        float[][][][] out = graph.run(ElementDetectorInput.of(pixels, 0, ElementDetector.BAND));
        JsonNode probes = g.node().get("outputProbes");
        for (int i = 0; i < probes.size(); i++) {
            JsonNode p = probes.get(i);
            int c = p.get(0).asInt();
            int y = p.get(1).asInt();
            int x = p.get(2).asInt();
            if (!g.node().get("heatValues").get(i).isNull()) {
                assertThat((double) out[0][c][y][x]).as("heat at %s", p)
                        .isCloseTo(g.node().get("heatValues").get(i).asDouble(), offset(2e-4));
                assertThat((double) out[1][c % 4][y][x]).as("box at %s", p)
                        .isCloseTo(g.node().get("boxValues").get(i).asDouble(), offset(2e-3));
            }
        }
        List<Detection> found = graph.detect(pixels);
        JsonNode want = g.node().get("detections");
        assertThat(found).hasSize(want.size());
        for (JsonNode w : want) {
            JsonNode b = w.get("box");
            Kind kind = Kind.valueOf(w.get("kind").asText().replace("iconbutton", "icon_button").toUpperCase(Locale.ROOT));
            assertThat(found).as("a %s at %s", kind, b).anySatisfy(d -> {
                assertThat(d.kind()).isEqualTo(kind);
                assertThat((double) d.box().x).isCloseTo(b.get(0).asDouble(), offset(1.01));
                assertThat((double) d.box().y).isCloseTo(b.get(1).asDouble(), offset(1.01));
                assertThat((double) d.box().width).isCloseTo(b.get(2).asDouble(), offset(1.01));
                assertThat((double) d.box().height).isCloseTo(b.get(3).asDouble(), offset(1.01));
            });
        }
    }

    @Test
    void classesAreInTheOrderOfTheModelsOutputs() throws IOException {
        for (String graph : ElementDetector.SHIPPED) {
            List<String> names = new ArrayList<>();
            record(graph).get("classes").forEach(r -> names.add(r.asText()));
            assertThat(names).as(graph).containsExactly("button", "iconbutton", "field", "toggle", "icon", "image");
            assertThat(names).hasSize(Kind.values().length);
        }
    }

    @Test
    void everyKindIsTakenFromExactlyOneGraph() {
        List<Kind> taken = new ArrayList<>();
        for (String graph : ElementDetector.SHIPPED) {
            taken.addAll(detector().graph(graph).takes());
        }
        assertThat(taken).containsExactlyInAnyOrder(Kind.values());
    }

    @Test
    void theDetectorGivesEachKindFromTheGraphThatTakesIt() throws IOException {
        Pixels pixels = new Pixels(Golden.read("python-biopython-doc-000-1").image());
        List<Detection> found = detector().detect(pixels);
        List<Detection> expected = new ArrayList<>();
        for (String name : ElementDetector.SHIPPED) {
            ElementDetector.Graph graph = detector().graph(name);
            graph.detect(pixels).stream().filter(d -> graph.takes().contains(d.kind())).forEach(expected::add);
        }
        assertThat(found).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aPageTallerThanABandIsSeenBandByBandAsEachBandAlone() throws IOException {
        // The Bootstrap page drawn twice on a tall white page, the second copy in the second band only. Each band
        // is what the graphs see of a page of its own: the first band alone, and the second band's rows alone
        // (white down to the copy), whose detections moved down by the band's top are the tall page's below the
        // first band's share.
        BufferedImage page = Golden.read("libjs-bootstrap4-005-1").image();
        int step = ElementDetector.BAND - ElementDetector.OVERLAP;
        int offset = ElementDetector.BAND + 800;
        BufferedImage tall = onWhite(page, offset + page.getHeight(), 0, offset);
        List<Detection> first = detector().detect(new Pixels(onWhite(page, ElementDetector.BAND, 0)));
        List<Detection> second = detector().detect(new Pixels(onWhite(page, offset - step + page.getHeight(),
                offset - step)));
        int split = ElementDetector.BAND - ElementDetector.OVERLAP / 2;
        List<Detection> expected = new ArrayList<>(first.stream().filter(d -> d.box().getCenterY() < split).toList());
        for (Detection d : second) {
            Rectangle b = d.box();
            b.translate(0, step);
            expected.add(new Detection(d.kind(), d.score(), b));
        }
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(detector().detect(new Pixels(tall))).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** {@code page} drawn at each of {@code tops} on a white page {@code height} pixels tall. */
    private static BufferedImage onWhite(BufferedImage page, int height, int... tops) {
        BufferedImage out = new BufferedImage(page.getWidth(), height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), height);
        for (int top : tops) {
            g.drawImage(page, 0, top, null);
        }
        g.dispose();
        return out;
    }

    private static JsonNode record(String graph) throws IOException {
        try (InputStream in = ElementDetector.class.getResourceAsStream(graph + ".json")) {
            return JSON.readTree(in);
        }
    }
}
