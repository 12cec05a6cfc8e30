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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.models.runtime.OnnxSession;
import org.sightline.vision.elements.ElementDetections.Detection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned detector of non-text elements: buttons (with text or only an icon), text fields, checkboxes and
 * radio buttons (one class), icons and pictures, found from the pixels of a page alone. A small fully
 * convolutional network trained on real pages rendered by Chromium with the truth from their DOM
 * ({@code vision/scripts/elements-detector}, record {@code element-detector.json} beside the model, decision
 * record 0016). The graph ships in this jar and is opened once through the one session policy, on one thread.
 * Tall pages are run in overlapping bands, so that memory stays bounded whatever the page's height.
 */
public final class ElementDetector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElementDetector.class);
    private static final String RESOURCE = "element-detector.onnx";
    private static final String RECORD = "element-detector.json";
    /** Page rows per run: a 1280x1600 page at a zoom of 2 in one piece, no more. */
    static final int BAND = 3200;
    /** Rows two bands share; a detection counts in the band where its centre is away from the edge. */
    static final int OVERLAP = 256;

    private final OnnxSession session;
    private final float[] thresholds;

    private ElementDetector(OnnxSession session, float[] thresholds) {
        this.session = session;
        this.thresholds = thresholds.clone();
    }

    /** Opens the graph in {@code onnxFile} with the per-class {@code thresholds} of its record. */
    static ElementDetector load(Path onnxFile, float[] thresholds) {
        return new ElementDetector(OnnxModels.open(onnxFile, 1), thresholds);
    }

    /**
     * The detector that ships with Sightline, loaded on the first call and kept for the process; empty (with a
     * warning in the log) when it cannot be loaded, and the element map then keeps to its rules.
     */
    public static Optional<ElementDetector> shipped() {
        return Shipped.DETECTOR;
    }

    /** The elements the detector sees on the page, best first. */
    List<Detection> detect(Pixels pixels) {
        List<Detection> found = new ArrayList<>();
        int step = BAND - OVERLAP;
        for (int top = 0; top < pixels.height - 1; top += step) {
            boolean first = top == 0;
            boolean last = top + BAND >= pixels.height;
            ElementDetectorInput input = ElementDetectorInput.of(pixels, top, BAND);
            float[][][][] out = run(input);
            int fromRow = first ? 0 : OVERLAP / 2 / ElementDetectorInput.CELL;
            int toRow = last ? Integer.MAX_VALUE : (BAND - OVERLAP / 2) / ElementDetectorInput.CELL;
            found.addAll(ElementDetections.decode(out[0], out[1], thresholds, top, fromRow, toRow));
            if (last) {
                break;
            }
        }
        found.sort((a, b) -> Double.compare(b.score(), a.score()));
        return found;
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
            throw new IllegalStateException("running the element detector failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    /** Loads the shipped detector once, on first use (the holder idiom makes that thread-safe). */
    private static final class Shipped {
        static final Optional<ElementDetector> DETECTOR = loadShipped();

        private static Optional<ElementDetector> loadShipped() {
            try (InputStream in = ElementDetector.class.getResourceAsStream(RESOURCE);
                 InputStream record = ElementDetector.class.getResourceAsStream(RECORD)) {
                if (in == null || record == null) {
                    LOG.warn("{} is not on the classpath; controls and pictures are found by rules only", RESOURCE);
                    return Optional.empty();
                }
                JsonNode th = new ObjectMapper().readTree(record).get("thresholds");
                float[] thresholds = new float[ElementDetections.Kind.values().length];
                for (int i = 0; i < thresholds.length; i++) {
                    thresholds[i] = (float) th.get(i).asDouble();
                }
                // ONNX Runtime opens files, and the jar's entry is not one.
                Path file = Files.createTempFile("sightline-element-detector", ".onnx");
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return Optional.of(load(file, thresholds));
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.warn("the element detector could not be loaded ({}); controls and pictures are found by rules only",
                        e.getMessage());
                return Optional.empty();
            }
        }
    }
}
