package org.sightline.vision.elements;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
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
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned text role model: tells from the pixels around a piece of text and its place on the page whether
 * it is a heading (level 1, 2, 3 and deeper), a link, a navigation link, a button's text, a field's label or
 * running text. It was trained on real documentation pages rendered by Chromium, with the truth from their DOM
 * ({@code vision/scripts/text-roles}, record in {@code text-roles.json} beside the model, decision record 0013).
 * The graph (under 1 MB) ships in this jar and is opened once, through the one session policy, on one thread.
 */
public final class TextRoleModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TextRoleModel.class);
    private static final String RESOURCE = "text-roles.onnx";
    /** Segments per run: bounds the input to a few megabytes whatever the page. */
    private static final int BATCH = 64;

    /** The role the model gives one piece of text, with its probability, and every role's probability. */
    public record Guess(TextRole role, double confidence, float[] scores) {

        public Guess {
            scores = scores.clone();
        }

        @Override
        public float[] scores() {
            return scores.clone();
        }

        /** The probability of {@code r}. */
        public double score(TextRole r) {
            return scores[r.ordinal()];
        }

        /** The probability of an element of {@code type}: the sum over its roles (a heading's levels, both links). */
        public double score(ElementType type) {
            double sum = 0;
            for (TextRole r : TextRole.values()) {
                sum += r.elementType() == type ? scores[r.ordinal()] : 0;
            }
            return sum;
        }

        /**
         * The likeliest heading level (1, 2 or 3 and deeper) were this text a heading: asked once the text is
         * taken for a heading, whose probability is summed over the levels, so that a heading the model splits
         * between two levels still gets the likelier one.
         */
        public int headingLevel() {
            TextRole best = TextRole.HEADING_1;
            for (TextRole r : List.of(TextRole.HEADING_2, TextRole.HEADING_3)) {
                if (score(r) > score(best)) {
                    best = r;
                }
            }
            return best.headingLevel();
        }
    }

    private final OnnxSession session;

    private TextRoleModel(OnnxSession session) {
        this.session = session;
    }

    /** Opens the graph in {@code onnxFile}. */
    public static TextRoleModel load(Path onnxFile) {
        return new TextRoleModel(OnnxModels.open(onnxFile, 1));
    }

    /**
     * The model that ships with Sightline, loaded on the first call and kept for the process; empty (with a
     * warning in the log) when it cannot be loaded, and the element map then keeps to its rules.
     */
    public static Optional<TextRoleModel> shipped() {
        return Shipped.MODEL;
    }

    /** The model's guess for each line of {@code text}, read from {@code image}, in the order of its lines. */
    public List<Guess> classify(BufferedImage image, OcrResult text) {
        List<Rectangle> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (TextLine line : text.lines()) {
            boxes.add(line.box());
            texts.add(line.text());
        }
        return classify(new Pixels(image), boxes, texts);
    }

    /** The model's guess for each piece of text ({@code boxes} in image pixels, with their texts). */
    List<Guess> classify(Pixels pixels, List<Rectangle> lineBoxes, List<String> texts) {
        List<Rectangle> boxes = lineBoxes.stream().map(b -> TextRoleInput.inkBox(pixels, b)).toList();
        float[] features = TextRoleInput.features(boxes, texts, pixels.width, pixels.height);
        List<Guess> guesses = new ArrayList<>(boxes.size());
        for (int from = 0; from < boxes.size(); from += BATCH) {
            int n = Math.min(BATCH, boxes.size() - from);
            float[] crops = new float[n * TextRoleInput.CROP_SIZE];
            for (int k = 0; k < n; k++) {
                TextRoleInput.crop(pixels, boxes.get(from + k), crops, k * TextRoleInput.CROP_SIZE);
            }
            float[] batchFeatures = new float[n * TextRoleInput.FEATURES];
            System.arraycopy(features, from * TextRoleInput.FEATURES, batchFeatures, 0, batchFeatures.length);
            float[][] scores = run(crops, batchFeatures, n);
            for (float[] s : scores) {
                int best = 0;
                for (int r = 1; r < s.length; r++) {
                    if (s[r] > s[best]) {
                        best = r;
                    }
                }
                guesses.add(new Guess(TextRole.values()[best], s[best], s));
            }
        }
        return guesses;
    }

    private float[][] run(float[] crops, float[] features, int n) {
        OrtEnvironment env = OnnxModels.environment();
        try (OnnxTensor crop = OnnxTensor.createTensor(env, FloatBuffer.wrap(crops),
                new long[] {n, 3, TextRoleInput.HEIGHT, TextRoleInput.WIDTH});
             OnnxTensor geometry = OnnxTensor.createTensor(env, FloatBuffer.wrap(features),
                     new long[] {n, TextRoleInput.FEATURES})) {
            return session.use(s -> {
                try (OrtSession.Result result = s.run(Map.of("crop", crop, "features", geometry))) {
                    return (float[][]) result.get(0).getValue();
                }
            });
        } catch (OrtException e) {
            throw new IllegalStateException("running the text role model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    /** Loads the shipped model once, on first use (the holder idiom makes that thread-safe). */
    private static final class Shipped {
        static final Optional<TextRoleModel> MODEL = loadShipped();

        private static Optional<TextRoleModel> loadShipped() {
            try (InputStream in = TextRoleModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    LOG.warn("{} is not on the classpath; headings and links are found by rules only", RESOURCE);
                    return Optional.empty();
                }
                // ONNX Runtime opens files, and the jar's entry is not one.
                Path file = Files.createTempFile("sightline-text-roles", ".onnx");
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return Optional.of(load(file));
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.warn("the text role model could not be loaded ({}); headings and links are found by rules only",
                        e.getMessage());
                return Optional.empty();
            }
        }
    }
}
