package org.sightline.vision.elements;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.models.runtime.OnnxSession;
import org.sightline.vision.elements.ElementDetections.Detection;
import org.sightline.vision.elements.ElementDetections.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned detector of non-text elements: buttons (with text or only an icon), text fields, checkboxes and
 * radio buttons (one class), icons and pictures, found from the pixels of a page alone. A small fully
 * convolutional network trained on real pages rendered by Chromium with the truth from their DOM
 * ({@code vision/scripts/elements-detector}, record {@code element-detector.json} beside the model, decision
 * record 0016). It may be made of several graphs, each trained its own way and each answering for the kinds it
 * was measured best at (its record's {@code takes}; decision record 0042): the shipped detector takes its icons
 * and pictures from one graph and its controls from another. Each graph ships in this jar and is opened once
 * through the one session policy, on one thread. Tall pages are run in overlapping bands, so that memory stays
 * bounded whatever the page's height.
 */
public final class ElementDetector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElementDetector.class);
    /** The shipped graphs, by name: {@code NAME.onnx} with its record {@code NAME.json}. */
    static final List<String> SHIPPED = List.of("element-detector", "element-controls");
    /** Page rows per run: a 1280x1600 page at a zoom of 2 in one piece, no more. */
    static final int BAND = 3200;
    /** Rows two bands share; a detection counts in the band where its centre is away from the edge. */
    static final int OVERLAP = 256;

    private final List<Graph> graphs;

    private ElementDetector(List<Graph> graphs) {
        this.graphs = List.copyOf(graphs);
    }

    /** Opens the graph in {@code onnxFile} with the per-class {@code thresholds} of its record, for every kind. */
    static ElementDetector load(Path onnxFile, float[] thresholds) {
        return new ElementDetector(List.of(new Graph(onnxFile.getFileName().toString(), OnnxModels.open(onnxFile, 1),
                thresholds, EnumSet.allOf(Kind.class))));
    }

    /**
     * The detector that ships with Sightline, loaded on the first call and kept for the process; empty (with a
     * warning in the log) when it cannot be loaded, and the element map then keeps to its rules.
     */
    public static Optional<ElementDetector> shipped() {
        return Shipped.DETECTOR;
    }

    /**
     * The elements the detector sees on the page, best first: of each kind, those of the graph that takes it, the
     * copies a flat stretch of the page gives merged ({@link ElementDetections#mergePlateaus}). The page's input is
     * made once per band and given to every graph.
     */
    List<Detection> detect(Pixels pixels) {
        List<Detection> found = new ArrayList<>();
        inBands(pixels, (input, top, fromRow, toRow) -> {
            for (Graph graph : graphs) {
                for (Detection d : graph.decode(input, top, fromRow, toRow)) {
                    if (graph.takes.contains(d.kind())) {
                        found.add(d);
                    }
                }
            }
        });
        return ElementDetections.mergePlateaus(found);
    }

    /** What is done with one band of the page: its input, its top row, and the rows of cells that count in it. */
    private interface Band {
        void accept(ElementDetectorInput input, int top, int fromRow, int toRow);
    }

    /** Runs {@code band} over the page in overlapping bands of {@link #BAND} rows, top to bottom. */
    private static void inBands(Pixels pixels, Band band) {
        int step = BAND - OVERLAP;
        for (int top = 0; top < pixels.height - 1; top += step) {
            boolean first = top == 0;
            boolean last = top + BAND >= pixels.height;
            int fromRow = first ? 0 : OVERLAP / 2 / ElementDetectorInput.CELL;
            int toRow = last ? Integer.MAX_VALUE : (BAND - OVERLAP / 2) / ElementDetectorInput.CELL;
            band.accept(ElementDetectorInput.of(pixels, top, BAND), top, fromRow, toRow);
            if (last) {
                break;
            }
        }
    }

    /** The graph called {@code name}. */
    Graph graph(String name) {
        return graphs.stream().filter(g -> g.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no graph " + name));
    }

    @Override
    public void close() {
        graphs.forEach(g -> g.session.close());
    }

    /**
     * One trained graph: its session, its per-class thresholds, and the kinds the detector takes from it.
     */
    static final class Graph {
        private final String name;
        private final OnnxSession session;
        private final float[] thresholds;
        private final Set<Kind> takes;

        Graph(String name, OnnxSession session, float[] thresholds, Set<Kind> takes) {
            this.name = name;
            this.session = session;
            this.thresholds = thresholds.clone();
            this.takes = takes.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(takes);
        }

        /** The kinds the detector takes from this graph. */
        Set<Kind> takes() {
            return EnumSet.copyOf(takes);
        }

        /** Everything this graph sees on the page, of every kind, by its own thresholds. */
        List<Detection> detect(Pixels pixels) {
            List<Detection> found = new ArrayList<>();
            inBands(pixels, (input, top, fromRow, toRow) -> found.addAll(decode(input, top, fromRow, toRow)));
            found.sort((a, b) -> Double.compare(b.score(), a.score()));
            return found;
        }

        /** What this graph sees in one band's {@code input}, moved down by {@code top}, in its rows that count. */
        private List<Detection> decode(ElementDetectorInput input, int top, int fromRow, int toRow) {
            float[][][][] out = run(input);
            return ElementDetections.decode(out[0], out[1], thresholds, top, fromRow, toRow);
        }

        /** The raw outputs for one input: class probabilities [C][rows][columns] and boxes [4][rows][columns]. */
        float[][][][] run(ElementDetectorInput input) {
            OrtEnvironment env = OnnxModels.environment();
            try (OnnxTensor page = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.values),
                    new long[] {1, 3, input.height, input.width})) {
                return session.use(s -> {
                    try (OrtSession.Result result = s.run(Map.of("page", page))) {
                        float[][][] heat = ((float[][][][]) result.get(0).getValue())[0];
                        float[][][] box = ((float[][][][]) result.get(1).getValue())[0];
                        return new float[][][][] {heat, box};
                    }
                });
            } catch (OrtException e) {
                throw new IllegalStateException("running the element detector (" + name + ") failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Loads the shipped graphs once, on first use (the holder idiom makes that thread-safe). */
    private static final class Shipped {
        static final Optional<ElementDetector> DETECTOR = loadShipped();

        private static Optional<ElementDetector> loadShipped() {
            List<Graph> graphs = new ArrayList<>();
            for (String name : SHIPPED) {
                try {
                    graphs.add(loadGraph(name));
                } catch (IOException | RuntimeException | LinkageError e) {
                    LOG.warn("the element detector could not be loaded ({}); controls and pictures are found by "
                            + "rules only", e.getMessage());
                    graphs.forEach(g -> g.session.close());
                    return Optional.empty();
                }
            }
            return Optional.of(new ElementDetector(graphs));
        }

        private static Graph loadGraph(String name) throws IOException {
            try (InputStream in = ElementDetector.class.getResourceAsStream(name + ".onnx");
                 InputStream record = ElementDetector.class.getResourceAsStream(name + ".json")) {
                if (in == null || record == null) {
                    throw new IOException(name + ".onnx or its record is not on the classpath");
                }
                JsonNode node = new ObjectMapper().readTree(record);
                return new Graph(name, open(in, name), thresholds(node), takes(node));
            }
        }

        private static float[] thresholds(JsonNode record) {
            JsonNode th = record.get("thresholds");
            float[] thresholds = new float[Kind.values().length];
            for (int i = 0; i < thresholds.length; i++) {
                thresholds[i] = (float) th.get(i).asDouble();
            }
            return thresholds;
        }

        /** The record's {@code takes}: the class names of the kinds taken from this graph. */
        private static Set<Kind> takes(JsonNode record) {
            Set<Kind> takes = EnumSet.noneOf(Kind.class);
            JsonNode classes = record.get("classes");
            for (JsonNode t : record.get("takes")) {
                for (int i = 0; i < classes.size(); i++) {
                    if (classes.get(i).asText().equals(t.asText())) {
                        takes.add(Kind.values()[i]);
                    }
                }
            }
            return takes;
        }

        private static OnnxSession open(InputStream in, String name) throws IOException {
            // ONNX Runtime opens files, and the jar's entry is not one.
            Path file = Files.createTempFile("sightline-" + name, ".onnx");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return OnnxModels.open(file, 1);
        }
    }
}
